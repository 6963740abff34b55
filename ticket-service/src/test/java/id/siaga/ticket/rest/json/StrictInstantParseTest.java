package id.siaga.ticket.rest.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The quick reading of agents' timestamps accepts and refuses exactly what the ISO-8601 formatter does. */
class StrictInstantParseTest {

    private static final List<String> TEXTS = List.of(
            "2026-11-25T08:00:00Z", "2026-11-25T08:00:00.1Z", "2026-11-25T08:00:00.123456789Z",
            "2026-11-25T08:00:00.000001Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T23:60:00Z",
            "2026-11-25T23:59:60Z", "2026-11-25T08:00:00.Z", "2026-11-25T08:00:00.1234567890Z",
            "2026-11-25t08:00:00Z", "2026-11-25T08:00:00z", "2026-11-25 08:00:00Z", "2026-1-25T08:00:00Z",
            "+2026-11-25T08:00:00Z", "2026-11-25T08:00Z", "2026-11-25T08:00:00+07:00", "2026-11-25T08:00:00.5+07:00",
            "２０２６-11-25T08:00:00Z", "2026-11-25T08:00:0١Z", "2026-11-25T08:00:00,5Z", " 2026-11-25T08:00:00Z",
            "2026-11-25T08:00:00Z ", "2026-11-25T08:00:00-00:00", "2026-11-25T08:00:00.-1Z", "2026-11-25T08:-0:00Z");

    @Test
    void readsAgentTimestampsAsTheFormatterDoes() {
        for (String text : TEXTS) {
            assertEquals(formatter(text), outcome(text), text);
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = at.toString();
            assertNotNull(StrictInstantDeserializer.parseUtc(text), "the quick reading takes " + text);
            assertEquals(at, StrictInstantDeserializer.parse(text), text);
        }
    }

    @Test
    void leavesOtherFormsToTheFormatter() {
        assertNull(StrictInstantDeserializer.parseUtc("2026-11-25T08:00:00+07:00"));
        assertNull(StrictInstantDeserializer.parseUtc("2023-02-29T12:00:00Z"));
        assertEquals(Instant.parse("2026-11-25T01:00:00Z"), StrictInstantDeserializer.parse("2026-11-25T08:00:00+07:00"));
    }

    private static String formatter(String text) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from).toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static String outcome(String text) {
        try {
            return StrictInstantDeserializer.parse(text).toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
