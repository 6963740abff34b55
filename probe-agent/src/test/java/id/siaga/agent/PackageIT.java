package id.siaga.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Debian package built by {@code mvn package} (jdeb) installs, runs, upgrades keeping the edited configuration,
 * and purges without a trace, with the machine's own dpkg. Needs root (CI runs as root); it refuses to run where the
 * agent is already installed, and removes what it installed also when it fails.
 */
class PackageIT {

    static final Path TARGET = Path.of("target");
    static final Path CONFIG = Path.of("/etc/siaga/agent.yaml");
    static final List<Path> INSTALLED = List.of(Path.of("/opt/siaga-agent/siaga-agent.jar"),
            Path.of("/opt/siaga-agent/siaga-agent"), Path.of("/usr/bin/siaga-agent"),
            Path.of("/lib/systemd/system/siaga-agent.service"),
            Path.of("/usr/share/doc/siaga-agent/examples/siak-app.yaml"),
            Path.of("/usr/share/doc/siaga-agent/examples/siak-db.yaml"),
            Path.of("/usr/share/doc/siaga-agent/examples/ktpel.yaml"), CONFIG, Path.of("/etc/siaga/agent.env"));

    @TempDir
    Path dir;

    @Test
    void installsRunsUpgradesKeepingTheEditedConfigAndPurgesClean() throws Exception {
        Path deb = builtPackage();
        requireAMachineWithoutTheAgent();
        boolean userExisted = run("getent", "passwd", "siaga").exitCode() == 0;
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Run install = run("dpkg", "-i", deb.toString());
            assertEquals(0, install.exitCode(), install.output());
            for (Path path : INSTALLED) {
                assertTrue(Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS), "installed: " + path);
            }
            assertEquals(0, run("getent", "passwd", "siaga").exitCode(), "user siaga created");
            PosixFileAttributes config = Files.readAttributes(CONFIG, PosixFileAttributes.class);
            assertEquals("siaga", config.group().getName(), "the agent's group reads its configuration");
            assertEquals("rw-r-----", PosixFilePermissions.toString(config.permissions()));
            assertTrue(query("${Conffiles}").contains(CONFIG.toString()), "agent.yaml is a conffile");

            String edited = """
                    # edited on this server
                    server: {id: 7, name: package-test}
                    service: {url: "http://127.0.0.1:9", token: not-needed-for-check}
                    outbox: {dir: /var/lib/siaga-agent/outbox}
                    checks:
                      - {key: host, kind: host}
                      - {key: port-open, kind: tcp, host: 127.0.0.1, port: %d}
                    """.formatted(listening.getLocalPort());
            Files.writeString(CONFIG, edited);
            assertChecksRunAsTheAgentUser();

            Path upgrade = upgradeOf(deb);
            Run upgrading = run("dpkg", "-i", upgrade.toString());
            assertEquals(0, upgrading.exitCode(), upgrading.output());
            assertEquals(version(upgrade), query("${Version}"), "upgraded");
            assertEquals(edited, Files.readString(CONFIG), "the edited configuration was kept");
            try (Stream<Path> leftovers = Files.list(CONFIG.getParent())) {
                assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().contains(".dpkg-")).toList());
            }
            assertChecksRunAsTheAgentUser();

            Run purge = run("dpkg", "--purge", "siaga-agent");
            assertEquals(0, purge.exitCode(), purge.output());
            assertNotInstalled();
            for (Path gone : List.of(Path.of("/opt/siaga-agent"), Path.of("/etc/siaga"), Path.of("/usr/bin/siaga-agent"),
                    Path.of("/usr/share/doc/siaga-agent"), Path.of("/lib/systemd/system/siaga-agent.service"),
                    Path.of("/var/lib/siaga-agent"), Path.of("/var/cache/siaga-agent"))) {
                assertFalse(Files.exists(gone, java.nio.file.LinkOption.NOFOLLOW_LINKS), "left after purge: " + gone);
            }
        } finally {
            run("dpkg", "--purge", "siaga-agent");
            if (!userExisted) {
                run("userdel", "siaga");
            }
        }
    }

    private void assertChecksRunAsTheAgentUser() throws Exception {
        Run check = run("runuser", "-u", "siaga", "--", "siaga-agent", "check");
        boolean busyHost = check.output().matches("(?s).*\\nhost\\s+host\\s+CRIT\\s+cpu load: .*");
        assertTrue(check.exitCode() == 0 || check.exitCode() == 1 || check.exitCode() == 2 && busyHost,
                "OK, or WARN or CRIT from a busy host:\n" + check.output());
        assertTrue(check.output().startsWith("CHECK"), check.output());
        assertTrue(check.output().matches("(?s).*port-open\\s+tcp\\s+OK.*"), check.output());
        assertTrue(check.output().matches("(?s).*\\nhost\\s+host\\s+.*"), check.output());
    }

    /** @return the package of this build */
    private static Path builtPackage() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("siaga-agent_.+_all\\.deb")).toList();
            assertEquals(1, debs.size(), "one siaga-agent_<version>_all.deb in target/ (mvn package builds it): " + debs);
            return debs.get(0);
        }
    }

    private static void requireAMachineWithoutTheAgent() throws Exception {
        Run id = run("id", "-u");
        if (!"0".equals(id.output().strip())) {
            fail("PackageIT installs a Debian package and needs root (CI runs as root). As another user, leave it out: "
                    + "mvn verify -Dit.test='!PackageIT'");
        }
        if (run("dpkg", "--version").exitCode() != 0) {
            fail("PackageIT needs dpkg (Debian or Ubuntu)");
        }
        if (run("dpkg-query", "-W", "siaga-agent").exitCode() == 0 || Files.exists(Path.of("/opt/siaga-agent"))
                || Files.exists(Path.of("/etc/siaga"))) {
            fail("the SIAGA agent is already installed on this machine (package, or /opt/siaga-agent or /etc/siaga "
                    + "from install.sh); PackageIT would remove it, so it does not run here");
        }
    }

    private static void assertNotInstalled() throws Exception {
        Run status = run("dpkg-query", "-W", "-f=${db:Status-Status}", "siaga-agent");
        assertTrue(status.exitCode() != 0 || status.output().strip().equals("not-installed"), status.output());
    }

    /** @return a copy of the package with a higher version, as the next release would be */
    private Path upgradeOf(Path deb) throws Exception {
        Path tree = dir.resolve("tree");
        Run extract = run("dpkg-deb", "-R", deb.toString(), tree.toString());
        assertEquals(0, extract.exitCode(), extract.output());
        Path control = tree.resolve("DEBIAN/control");
        String next = version(deb) + "+1";
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + next));
        Path upgrade = dir.resolve("siaga-agent_" + next + "_all.deb");
        Run build = run("dpkg-deb", "--root-owner-group", "-b", tree.toString(), upgrade.toString());
        assertEquals(0, build.exitCode(), build.output());
        assertEquals(0, run("dpkg", "--compare-versions", next, "gt", version(deb)).exitCode());
        return upgrade;
    }

    private static String version(Path deb) throws Exception {
        return run("dpkg-deb", "-f", deb.toString(), "Version").output().strip();
    }

    private static String query(String format) throws Exception {
        return run("dpkg-query", "-W", "-f=" + format, "siaga-agent").output();
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 300 s");
        }
        return new Run(process.exitValue(), output);
    }
}
