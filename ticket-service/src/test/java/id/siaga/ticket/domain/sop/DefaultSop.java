package id.siaga.ticket.domain.sop;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the SOP shipped with the service, as the service does. */
public final class DefaultSop {
    private DefaultSop() {
    }

    public static SopDocument load() {
        try (InputStream in = DefaultSop.class.getClassLoader().getResourceAsStream("sop/sop-800-488-DKPS-PS-2022.json")) {
            return new ObjectMapper().readValue(in, SopDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
