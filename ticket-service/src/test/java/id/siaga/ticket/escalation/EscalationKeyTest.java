package id.siaga.ticket.escalation;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The escalations' de-duplication keys, as stored, without the service. */
class EscalationKeyTest {

    @Test
    void writesReasonSubjectAndLevel() {
        assertEquals("STEP_OVERDUE:ticket:12:step:3:L1",
                new EscalationKey(EscalationReason.STEP_OVERDUE, EscalationKey.step(12, 3), 1).format());
        assertEquals("AGENT_SILENT:server:7:since:1764650000:L2",
                new EscalationKey(EscalationReason.AGENT_SILENT, EscalationKey.silentAgent(7, 1_764_650_000L), 2).format());
        UUID finding = UUID.fromString("0b8f3c1e-4a57-4e0c-9f1e-2f6a7d1c9b10");
        assertEquals("CRITICAL_FINDING:server:7:check:siak-db:port:finding:" + finding + ":L1",
                new EscalationKey(EscalationReason.CRITICAL_FINDING, EscalationKey.criticalFinding(7, "siak-db:port", finding),
                        1).format());
    }

    @Test
    void readsBackWhatItWrote() {
        EscalationKey key = new EscalationKey(EscalationReason.CRITICAL_FINDING, "server:7:check:a:Lx:finding:f", 1);
        assertEquals(key, EscalationKey.parse(key.format()), "a subject may hold colons and even ':L'");
        assertEquals("server:7:since:1764650000",
                EscalationKey.parse("AGENT_SILENT:server:7:since:1764650000:L1").subject());
        assertThrows(IllegalArgumentException.class, () -> EscalationKey.parse("nonsense"));
    }
}
