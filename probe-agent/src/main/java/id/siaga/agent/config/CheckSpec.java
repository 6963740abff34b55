package id.siaga.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The parameters and thresholds of one check, one record per {@link CheckKind}. Optional thresholds are
 * {@code null} when not configured.
 */
public sealed interface CheckSpec {

    /**
     * {@code http}: GET a page of an application ("cek tampilan", SOP step 2).
     *
     * @param url             http or https URL to fetch
     * @param expectStatus    HTTP status the page must answer with
     * @param expectText      text the body must contain, or {@code null}
     * @param warnMs          response time above which the check warns, in milliseconds, or {@code null}
     * @param critMs          response time above which the check is critical, in milliseconds, or {@code null}
     * @param certWarnDays    TLS certificate days left below which the check warns
     * @param certCritDays    TLS certificate days left below which the check is critical
     * @param tlsVerify       whether the server certificate must be trusted (chain and host name)
     * @param caFile          PEM file of extra trusted certificates (e.g. the office's own CA), or {@code null}
     * @param followRedirects whether 3xx answers are followed
     * @param timeout         limit for connecting and reading the whole answer
     */
    record Http(URI url, int expectStatus, String expectText, Long warnMs, Long critMs,
                int certWarnDays, int certCritDays, boolean tlsVerify, Path caFile,
                boolean followRedirects, Duration timeout) implements CheckSpec {
    }

    /**
     * {@code tcp}: a port of a local service accepts connections.
     *
     * @param host    host name or address
     * @param port    TCP port, 1 to 65535
     * @param timeout connect time limit
     * @param warnMs  connect time above which the check warns, in milliseconds, or {@code null}
     */
    record Tcp(String host, int port, Duration timeout, Long warnMs) implements CheckSpec {
    }

    /**
     * {@code reachability}: a named remote host (e.g. the national data centre link) answers on a port.
     *
     * @param host    host name or address
     * @param port    TCP port, 1 to 65535
     * @param label   human name of the host, e.g. "data centre", used in messages; defaults to the host
     * @param timeout connect time limit
     * @param warnMs  connect time above which the check warns, in milliseconds, or {@code null}
     */
    record Reachability(String host, int port, String label, Duration timeout, Long warnMs) implements CheckSpec {
    }

    /**
     * {@code jdbc}: a read-only query against a database ("cek fungsi", SOP step 3).
     *
     * @param url            JDBC URL ({@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:},
     *                       {@code jdbc:oracle:})
     * @param user           database user, preferably one with read rights only
     * @param password       its password, or {@code null}
     * @param query          a single SELECT (or WITH … SELECT)
     * @param timeoutSeconds limit for connecting and, separately, for the query, in seconds
     * @param expectValue    text the first column of the first row must equal, or {@code null}
     * @param warnAbove      first value above which the check warns, or {@code null}
     * @param critAbove      first value above which the check is critical, or {@code null}
     * @param warnBelow      first value below which the check warns, or {@code null}
     * @param critBelow      first value below which the check is critical, or {@code null}
     * @param expectRows     number of rows the query must return, or {@code null}
     */
    record Jdbc(String url, String user, String password, String query, int timeoutSeconds,
                String expectValue, Double warnAbove, Double critAbove, Double warnBelow, Double critBelow,
                Integer expectRows) implements CheckSpec {

        @Override
        public String toString() {
            return "Jdbc[url=" + url + ", user=" + user + ", password=***, query=" + query + "]";
        }
    }

    /**
     * {@code host}: CPU, memory, swap, file systems and uptime of this machine. Percentages are 0 to 100.
     *
     * @param cpuWarnPct        CPU load above which the check warns, in percent
     * @param cpuCritPct        CPU load above which the check is critical, in percent
     * @param memWarnPct        memory use above which the check warns, in percent
     * @param memCritPct        memory use above which the check is critical, in percent
     * @param swapWarnPct       swap use above which the check warns, in percent
     * @param swapCritPct       swap use above which the check is critical, in percent
     * @param diskFreeWarnPct   free space below which a file system warns, in percent
     * @param diskFreeCritPct   free space below which a file system is critical, in percent
     * @param inodesFreeWarnPct free inodes below which a file system warns, in percent
     * @param inodesFreeCritPct free inodes below which a file system is critical, in percent
     * @param mounts            mount points to check; empty means every local, writable, real file system
     * @param excludeMounts     mount points (globs, e.g. {@code /snap/**}) to leave out
     * @param timeout           time limit for the whole check
     */
    record Host(double cpuWarnPct, double cpuCritPct, double memWarnPct, double memCritPct,
                double swapWarnPct, double swapCritPct, double diskFreeWarnPct, double diskFreeCritPct,
                double inodesFreeWarnPct, double inodesFreeCritPct,
                List<String> mounts, List<String> excludeMounts, Duration timeout) implements CheckSpec {

        public Host {
            mounts = List.copyOf(mounts);
            excludeMounts = List.copyOf(excludeMounts);
        }
    }

    /**
     * {@code process}: named processes are running.
     *
     * @param name    process name, or text found in the command line
     * @param min     fewest matching processes
     * @param max     most matching processes, or {@code null}
     * @param timeout time limit for the check
     */
    record Process(String name, int min, Integer max, Duration timeout) implements CheckSpec {
    }

    /**
     * {@code file-age}: the newest file matching a pattern (e.g. the nightly backup) is recent enough.
     *
     * @param dir          folder to look in
     * @param pattern      glob for file names, e.g. {@code siak-*.dump.gz}
     * @param maxAgeHours  age above which the check is critical, in hours
     * @param warnAgeHours age above which the check warns, in hours, or {@code null}
     * @param minSizeBytes size below which the newest file counts as broken (critical), in bytes, or {@code null}
     * @param timeout      time limit for the check
     */
    record FileAge(Path dir, String pattern, double maxAgeHours, Double warnAgeHours, Long minSizeBytes,
                   Duration timeout) implements CheckSpec {
    }
}
