package id.siaga.agent.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunDaemonTest {

    private static final String DEFAULT = "/etc/siaga/agent.yaml";

    @Test
    void recognisesTheDaemonsOwnArgumentForms() {
        assertEquals(new RunDaemon.Arguments(Path.of(DEFAULT), false), arguments("run"));
        assertEquals(new RunDaemon.Arguments(Path.of("/a.yaml"), false), arguments("run", "-c", "/a.yaml"));
        assertEquals(new RunDaemon.Arguments(Path.of("/a.yaml"), true),
                arguments("run", "--once", "--config", "/a.yaml"));
        assertEquals(new RunDaemon.Arguments(Path.of("/a.yaml"), true), arguments("run", "--config=/a.yaml", "--once"));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        assertNull(arguments());
        assertNull(arguments("check"));
        assertNull(arguments("run", "--help"));
        assertNull(arguments("run", "-c"));
        assertNull(arguments("run", "-c", "--once"));
        assertNull(arguments("run", "--once", "--once"));
        assertNull(arguments("run", "-c", "/a.yaml", "-c", "/b.yaml"));
        assertNull(arguments("run", "extra"));
        assertNull(arguments("--version"));
    }

    @Test
    void runsWithTheSameMessagesAndExitCodeAsTheRunCommand() throws IOException, InterruptedException {
        String[] args = {"run", "--once", "-c", "/nonexistent/agent.yaml"};
        CliFixture.Result picocli = CliFixture.execute(args);
        StringWriter err = new StringWriter();
        int exitCode = RunDaemon.run(arguments(args), new PrintWriter(err, true));
        assertEquals(ExitCodes.FAILED, exitCode);
        assertEquals(picocli.exitCode(), exitCode);
        assertEquals(picocli.err(), err.toString());
    }

    private static RunDaemon.Arguments arguments(String... args) {
        return RunDaemon.arguments(args, DEFAULT);
    }
}
