package id.siaga.agent.config;

import id.siaga.agent.check.CheckFactory;
import id.siaga.agent.check.WebClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ExampleConfigsTest {

    @ParameterizedTest
    @ValueSource(strings = {"siak-app.yaml", "siak-db.yaml", "ktpel.yaml"})
    void shippedExamplesAreValid(String name) throws Exception {
        Map<String, String> env = Map.of("SIAGA_AGENT_TOKEN", "token", "SIAK_DB_PASSWORD", "secret");
        AgentConfig config = new ConfigLoader(env::get).load(Path.of("../deploy/agent", name));
        assertFalse(config.checks().isEmpty());
        assertEquals(config.checks().size(), new CheckFactory(Clock.systemUTC(), WebClient.standard()).create(config.checks()).size());
    }
}
