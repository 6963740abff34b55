package id.siaga.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTest {

    @Test
    void writesOneLinePerRecord() {
        String line = Log.line(1_795_608_000_123L, "WARNING", 900, "Delivery", "cannot reach\nthe service",
                new IOException("refused"));
        assertEquals("2026-11-25T12:00:00.123Z WARNING Delivery: cannot reach the service: java.io.IOException: "
                + "refused" + System.lineSeparator(), line);
    }

    @Test
    void addsTheStackTraceBelowInfo() {
        String line = Log.line(0, "FINE", 500, "Delivery", "post failed", new IOException("refused"));
        assertTrue(line.startsWith("1970-01-01T00:00:00Z FINE Delivery: post failed: java.io.IOException: refused"
                + " | java.io.IOException: refused | at id.siaga.agent.LogTest"), line);
        assertEquals(1, line.lines().count(), line);
    }
}
