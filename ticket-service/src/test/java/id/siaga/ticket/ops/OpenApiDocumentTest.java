package id.siaga.ticket.ops;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed OpenAPI document passes the OpenAPI Generator's own validation ({@code openapi-generator-cli validate
 * --recommend}, the version pinned in the root pom and copied to target/tools by the build) with neither errors nor
 * warnings. OperationsTest keeps the document equal to what the service serves.
 */
class OpenApiDocumentTest {

    static final Path CLI = Path.of("target", "tools", "openapi-generator-cli.jar");
    static final Path DOCUMENT = Path.of("..", "openapi", "openapi.yaml");

    @Test
    void documentPassesOpenApiGeneratorValidateWithoutWarnings() throws Exception {
        assertTrue(Files.isRegularFile(CLI), CLI.toAbsolutePath() + " is missing: the build copies it in the "
                + "generate-test-resources phase (mvn -B -pl ticket-service test)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", CLI.toString(), "validate", "--recommend",
                "-i", DOCUMENT.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("openapi-generator-cli validate did not finish within 120 s");
        }
        assertEquals(0, process.exitValue(), output);
        assertFalse(output.contains("Errors:"), output);
        assertFalse(output.contains("Warnings:"), output);
        assertTrue(output.contains("No validation issues detected"), output);
    }
}
