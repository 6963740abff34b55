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

    /** Ends the number of the test SOP with second-long standards. */
    private static final String TEST_SUFFIX = "-TEST";
    /** The time standards of the test SOP that {@link #activateSecondStandards} makes active, in seconds. */
    private static final int TEST_SECONDS = 2;

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

    /**
     * Makes the SOP with two-second time standards ({@link #withSecondStandards}) the active version, unless it is
     * already: a step then runs late within seconds, with no clock faked.
     */
    public static void activateSecondStandards() {
        String number = Api.admin().get("/api/v1/sop").then().statusCode(200).extract().path("number");
        if (!number.endsWith(TEST_SUFFIX)) {
            Api.admin().body(withSecondStandards(TEST_SECONDS)).post("/api/v1/sop").then().statusCode(201);
        }
    }

    /**
     * Makes the SOP that was active before a test revised it active again: the copy with second-long standards when
     * {@code number} names it, else the default.
     */
    public static void reactivate(String number) {
        Api.admin().body(number.endsWith(TEST_SUFFIX) ? withSecondStandards(TEST_SECONDS) : defaultSop())
                .post("/api/v1/sop").then().statusCode(201);
    }

    /** @return the default SOP with every time standard cut to {@code seconds} (lower bounds to zero) */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withSecondStandards(int seconds) {
        Map<String, Object> sop = defaultSop();
        sop.put("number", "800/488/DKPS-PS/2022" + TEST_SUFFIX);
        for (Map<String, Object> step : (List<Map<String, Object>>) sop.get("steps")) {
            if (step.get("maxDuration") != null) {
                step.put("minDuration", "PT0S");
                step.put("maxDuration", "PT" + seconds + "S");
            }
        }
        return sop;
    }
}
