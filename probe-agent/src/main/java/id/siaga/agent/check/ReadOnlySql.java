package id.siaga.agent.check;

import id.siaga.agent.check.SqlLexer.Kind;
import id.siaga.agent.check.SqlLexer.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a query may run against a checked database: only one SELECT, or WITH … SELECT, without
 * words that write or lock and without calls of functions that reach outside the check's read-only transaction,
 * act on other sessions, read or write server files, take locks, change server state or run SQL given as text
 * ("Hati-hati bekerja dengan database").
 *
 * <p>The text is read by {@link SqlLexer} the way the database kind reads it, under each setting that changes
 * how quotes and backslashes are read; the query runs only if every reading finds it harmless. Quoted names are
 * names: {@code "dblink_exec"(…)}, {@code pg_catalog.pg_terminate_backend(…)} and
 * {@code `sleep`(…)} are calls like their plain spelling.
 *
 * <p>What this filter cannot see: what a function it does not know does inside (a user function called by
 * name, a view that calls one). {@link JdbcCheck} adds checks at run time for PostgreSQL, and the database account
 * with read rights only ({@code siaga-agent doctor} reports any other right) is the real guarantee.
 */
public final class ReadOnlySql {

    private static final Set<String> FORBIDDEN_WORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "DROP", "ALTER", "CREATE", "RENAME",
            "GRANT", "REVOKE", "COPY", "CALL", "EXEC", "EXECUTE", "LOCK", "INTO", "VACUUM", "REINDEX", "CLUSTER",
            "COMMIT", "ROLLBACK", "SAVEPOINT", "BEGIN", "DECLARE", "HANDLER", "LOAD", "OUTFILE", "DUMPFILE");

    private static final String OUTSIDE = "which opens its own connection, outside the check's read-only transaction";
    private static final String SESSIONS = "which acts on other sessions of the database";
    private static final String FILES = "which reads or writes files on the database server";
    private static final String LOCKS = "which takes a lock that can outlive the query";
    private static final String STATE = "which changes the server's or the session's state";
    private static final String TEXT = "which runs SQL given as text, which the agent cannot check";
    private static final String WAITS = "which waits or burns time on purpose";
    private static final String ORACLE_PACKAGE = "an Oracle package that can change the server or reach outside "
            + "the transaction";

    /** PostgreSQL functions refused by exact (lower-case) name. */
    private static final Map<String, String> POSTGRESQL_FUNCTIONS = Map.ofEntries(
            Map.entry("pg_terminate_backend", SESSIONS), Map.entry("pg_cancel_backend", SESSIONS),
            Map.entry("pg_signal_backend", SESSIONS), Map.entry("pg_log_backend_memory_contexts", SESSIONS),
            Map.entry("pg_read_file", FILES), Map.entry("pg_read_binary_file", FILES),
            Map.entry("pg_stat_file", FILES), Map.entry("loread", FILES), Map.entry("lowrite", FILES),
            Map.entry("nextval", STATE), Map.entry("setval", STATE), Map.entry("set_config", STATE),
            Map.entry("pg_notify", STATE), Map.entry("txid_current", STATE), Map.entry("pg_current_xact_id", STATE),
            Map.entry("pg_reload_conf", STATE), Map.entry("pg_rotate_logfile", STATE),
            Map.entry("pg_switch_wal", STATE), Map.entry("pg_switch_xlog", STATE), Map.entry("pg_promote", STATE),
            Map.entry("pg_import_system_collations", STATE), Map.entry("pg_drop_replication_slot", STATE),
            Map.entry("pg_start_backup", STATE), Map.entry("pg_stop_backup", STATE),
            Map.entry("pg_backup_start", STATE), Map.entry("pg_backup_stop", STATE),
            Map.entry("pg_wal_replay_pause", STATE), Map.entry("pg_wal_replay_resume", STATE),
            Map.entry("gin_clean_pending_list", STATE), Map.entry("ts_stat", TEXT), Map.entry("ts_rewrite", TEXT));

    /** PostgreSQL functions refused by the beginning of their (lower-case) name. */
    private static final Map<String, String> POSTGRESQL_PREFIXES = Map.ofEntries(
            Map.entry("dblink", OUTSIDE), Map.entry("pg_ls_", FILES), Map.entry("pg_file_", FILES),
            Map.entry("lo_", FILES), Map.entry("pg_advisory", LOCKS), Map.entry("pg_try_advisory", LOCKS),
            Map.entry("pg_sleep", WAITS), Map.entry("pg_stat_reset", STATE), Map.entry("pg_create_", STATE),
            Map.entry("pg_copy_", STATE), Map.entry("pg_replication_", STATE), Map.entry("pg_logical_", STATE),
            Map.entry("brin_summarize", STATE), Map.entry("brin_desummarize", STATE),
            Map.entry("binary_upgrade_", STATE), Map.entry("query_to_xml", TEXT), Map.entry("cursor_to_xml", TEXT));

    /** MariaDB/MySQL functions refused by exact (lower-case) name. */
    private static final Map<String, String> MARIADB_FUNCTIONS = Map.ofEntries(
            Map.entry("sleep", WAITS), Map.entry("benchmark", WAITS), Map.entry("master_pos_wait", WAITS),
            Map.entry("master_gtid_wait", WAITS), Map.entry("source_pos_wait", WAITS),
            Map.entry("wait_for_executed_gtid_set", WAITS), Map.entry("load_file", FILES),
            Map.entry("get_lock", LOCKS), Map.entry("release_lock", LOCKS), Map.entry("release_all_locks", LOCKS),
            Map.entry("nextval", STATE), Map.entry("setval", STATE), Map.entry("sys_exec", FILES),
            Map.entry("sys_eval", FILES));

    /** Oracle names refused wherever they appear (Oracle calls a function without arguments without parentheses). */
    private static final Map<String, String> ORACLE_NAMES = Map.of(
            "HTTPURITYPE", OUTSIDE, "DBURITYPE", OUTSIDE, "XDBURITYPE", OUTSIDE, "NEXTVAL", STATE);

    private ReadOnlySql() {
    }

    /**
     * Reads the query under every dialect (for a URL of unknown kind).
     *
     * @param sql the query as configured
     * @return why the query is refused, or empty when it may run
     */
    public static Optional<String> refusal(String sql) {
        return refusal(sql, SqlDialect.UNKNOWN);
    }

    /**
     * @param sql     the query as configured
     * @param dialect the kind of database it is sent to
     * @return why the query is refused, or empty when it may run
     */
    public static Optional<String> refusal(String sql, SqlDialect dialect) {
        if (sql == null || sql.isBlank()) {
            return Optional.of("the query is empty");
        }
        for (SqlLexer.Reading reading : SqlLexer.Reading.of(dialect)) {
            Optional<String> reason;
            try {
                reason = judge(SqlLexer.tokens(sql, reading), reading.dialect());
            } catch (SqlLexer.Unreadable e) {
                reason = Optional.of(e.getMessage());
            }
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /**
     * The functions a query calls by name, for the run-time checks: each as {@code name} or {@code schema.name},
     * unquoted names folded to lower case as PostgreSQL does, quoted ones as spelled.
     *
     * @param sql a query that {@link #refusal(String, SqlDialect)} allows for {@code dialect}
     * @return the called names, each once, in the order they appear
     */
    static List<String> functionCalls(String sql, SqlDialect dialect) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokens(sql, SqlLexer.Reading.of(dialect).get(0));
        } catch (SqlLexer.Unreadable e) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).isName() && tokens.get(k + 1).is("(")) {
                names.add(String.join(".", qualifiedName(tokens, k)));
            }
        }
        return List.copyOf(names);
    }

    private static Optional<String> judge(List<Token> all, SqlDialect dialect) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : all) {
            boolean digitLed = token.kind() == Kind.WORD && Character.isDigit(token.text().charAt(0));
            tokens.add(digitLed ? new Token(Kind.WORD, token.text().replaceFirst("^[0-9]+", "")) : token);
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(";")) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return Optional.of("the query is empty (only comments)");
        }
        if (tokens.stream().anyMatch(t -> t.is(";"))) {
            return Optional.of("several statements separated by ';' are not allowed; give one SELECT");
        }
        Token first = tokens.stream().filter(t -> !t.is("(")).findFirst().orElse(new Token(Kind.SYMBOL, ""));
        if (!first.is("SELECT") && !first.is("WITH")) {
            return Optional.of("only a single SELECT (or WITH … SELECT) may run, not " + shown(first)
                    + "; the agent never writes to a database");
        }
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            Token previous = k > 0 ? tokens.get(k - 1) : null;
            if (token.kind() == Kind.WORD && FORBIDDEN_WORDS.contains(token.text())) {
                if (token.text().equals("INTO")) {
                    return Optional.of("contains INTO (a result written to a table, a file or a variable); "
                            + "only reading queries may run, the agent never writes");
                }
                return Optional.of("contains " + token.text() + "; only reading queries may run, the agent never "
                        + "writes to or locks a database");
            }
            if (token.is("SHARE") && previous != null && (previous.is("FOR") || previous.is("KEY"))) {
                return Optional.of("locks rows (FOR SHARE); only reading queries may run");
            }
            if (token.is("VALUE") && previous != null && previous.is("NEXT")) {
                return Optional.of("advances a sequence (NEXT VALUE FOR); only reading queries may run");
            }
            if (token.is("@") && dialect == SqlDialect.ORACLE) {
                return Optional.of("reaches another database through a database link (@); only this database "
                        + "may be read");
            }
            if (token.isName()) {
                Optional<String> reason = nameRefusal(tokens, k, dialect);
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameRefusal(List<Token> tokens, int k, SqlDialect dialect) {
        String upper = tokens.get(k).upperName();
        if (dialect == SqlDialect.ORACLE) {
            if (upper.startsWith("DBMS_") || upper.startsWith("UTL_") || upper.startsWith("OWA_")) {
                return Optional.of("uses " + upper + ", " + ORACLE_PACKAGE);
            }
            String reason = ORACLE_NAMES.get(upper);
            if (reason != null) {
                return Optional.of("uses " + upper + ", " + reason);
            }
            return Optional.empty();
        }
        if (k + 1 >= tokens.size() || !tokens.get(k + 1).is("(")) {
            return Optional.empty();
        }
        String name = upper.toLowerCase(Locale.ROOT);
        String shownName = String.join(".", qualifiedName(tokens, k)) + "()";
        String reason = dialect == SqlDialect.POSTGRESQL
                ? lookup(name, POSTGRESQL_FUNCTIONS, POSTGRESQL_PREFIXES)
                : lookup(name, MARIADB_FUNCTIONS, Map.of());
        return reason == null ? Optional.empty() : Optional.of("calls " + shownName + ", " + reason);
    }

    private static String lookup(String name, Map<String, String> exact, Map<String, String> prefixes) {
        String reason = exact.get(name);
        if (reason != null) {
            return reason;
        }
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** @return the parts of the name ending at token {@code k}, e.g. {@code [pg_catalog, pg_sleep]} */
    private static List<String> qualifiedName(List<Token> tokens, int k) {
        List<String> parts = new ArrayList<>();
        int j = k;
        while (true) {
            Token t = tokens.get(j);
            parts.add(0, t.kind() == Kind.QUOTED ? t.text() : t.text().toLowerCase(Locale.ROOT));
            if (j >= 2 && tokens.get(j - 1).is(".") && tokens.get(j - 2).isName()) {
                j -= 2;
            } else {
                return parts;
            }
        }
    }

    private static String shown(Token token) {
        return switch (token.kind()) {
            case STRING -> "a literal";
            case QUOTED -> "\"" + token.text() + "\"";
            default -> token.text().isEmpty() ? "an empty statement" : token.text();
        };
    }
}
