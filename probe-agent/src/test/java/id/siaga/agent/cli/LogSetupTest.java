package id.siaga.agent.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogSetupTest {

    @Test
    void readsLevelsAsJavaUtilLoggingNamesThem() {
        assertEquals(500, LogSetup.parse("fine"));
        assertEquals(900, LogSetup.parse(" WARNING "));
        assertEquals(Integer.MIN_VALUE, LogSetup.parse("ALL"));
        assertEquals(750, LogSetup.parse("750"));
        assertEquals(800, LogSetup.parse("loud"));
        assertEquals(800, LogSetup.parse(null));
    }
}
