package id.siaga.ticket.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alerting rules in deploy/prometheus are valid for Prometheus, and each alert fires when it should and only then. */
class PrometheusRulesTest {

    static final Path RULES_DIRECTORY = Path.of("..", "deploy", "prometheus");

    @Test
    void rulesPassPromtoolCheckRules() throws Exception {
        Promtool.Result result = Promtool.run(RULES_DIRECTORY, null, "check", "rules", "siaga-rules.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void everyAlertHasAFiringAndAQuietCase() throws Exception {
        String rules = Files.readString(RULES_DIRECTORY.resolve("siaga-rules.yml"));
        String tests = Files.readString(RULES_DIRECTORY.resolve("siaga-rules.test.yml"));
        Matcher alert = Pattern.compile("- alert: (\\w+)").matcher(rules);
        int alerts = 0;
        while (alert.find()) {
            alerts++;
            String name = alert.group(1);
            Matcher cases = Pattern.compile("alertname: " + name + "\\s+exp_alerts:(\\s*\\[])?").matcher(tests);
            boolean quiet = false;
            boolean firing = false;
            while (cases.find()) {
                if (cases.group(1) != null) {
                    quiet = true;
                } else {
                    firing = true;
                }
            }
            assertTrue(quiet && firing, name + " needs a case where it fires and one where it does not");
        }
        assertTrue(alerts >= 7, "alerts found: " + alerts);
    }

    @Test
    void alertsFireAndStayQuietAsTheirUnitTestsExpect() throws Exception {
        Promtool.Result result = Promtool.run(RULES_DIRECTORY, null, "test", "rules", "siaga-rules.test.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }
}
