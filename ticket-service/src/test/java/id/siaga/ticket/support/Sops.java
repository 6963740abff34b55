package id.siaga.ticket.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SOP documents for tests: the shipped default, and a copy whose time standards are seconds long. */
public final class Sops {
    private Sops() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> defaultSop() {
        try (InputStream in = Sops.class.getClassLoader().getResourceAsStream("sop/sop-800-488-DKPS-PS-2022.json")) {
            Map<String, Object> sop = new ObjectMapper().readValue(in, Map.class);
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Map<String, Object> step : (List<Map<String, Object>>) sop.get("steps")) {
                steps.add(new HashMap<>(step));
            }
            sop.put("steps", steps);
            sop.put("transitions", new ArrayList<>((List<Map<String, Object>>) sop.get("transitions")));
            return sop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the default SOP with every time standard cut to {@code seconds} (lower bounds to zero) */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withSecondStandards(int seconds) {
        Map<String, Object> sop = defaultSop();
        sop.put("number", "800/488/DKPS-PS/2022-TEST");
        for (Map<String, Object> step : (List<Map<String, Object>>) sop.get("steps")) {
            if (step.get("maxDuration") != null) {
                step.put("minDuration", "PT0S");
                step.put("maxDuration", "PT" + seconds + "S");
            }
        }
        return sop;
    }
}
