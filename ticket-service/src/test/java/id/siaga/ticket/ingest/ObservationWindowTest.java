package id.siaga.ticket.ingest;

import id.siaga.ticket.domain.CheckStatus;
import id.siaga.ticket.domain.InvalidRequestException;
import id.siaga.ticket.domain.sop.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ObservationWindow WINDOW = new ObservationWindow(Duration.ofMinutes(5), Duration.ofDays(90));

    @Test
    void acceptsFindingsFromTheRetentionAgoToTheSkewAhead() {
        assertEquals(List.of(), WINDOW.outside(List.of(at(NOW), at(NOW.plus(Duration.ofMinutes(5))),
                at(NOW.minus(Duration.ofDays(90)))), NOW));
    }

    @Test
    void namesEachFindingOutsideByItsIndex() {
        List<FieldError> errors = WINDOW.outside(List.of(at(NOW), at(NOW.plus(Duration.ofMinutes(5)).plusNanos(1000)),
                at(NOW), at(NOW.minus(Duration.ofDays(90)).minusSeconds(1))), NOW);
        assertEquals(List.of("[1].observedAt", "[3].observedAt"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("PT5M"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("P90D"), errors.get(1).message());
    }

    @Test
    void refusesTheWholeBatchAsUnprocessable() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> WINDOW.check(List.of(at(NOW), at(Instant.parse("+99999-01-01T00:00:00Z"))), NOW));
        assertEquals("[1].observedAt", refused.errors().get(0).field());
        assertTrue(refused.getMessage().startsWith("[1].observedAt must not be later"), refused.getMessage());
    }

    private static Finding at(Instant observedAt) {
        return new Finding(UUID.randomUUID(), "siak-web", "http", CheckStatus.OK, null, null, observedAt, null, null, null,
                null, null);
    }
}
