package id.siaga.agent.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a query may run against a checked database: only one SELECT, or WITH … SELECT, without
 * words that write, lock or call functions known to change the server ("Hati-hati bekerja dengan database").
 * Comments are stripped and literals blanked first. Because PostgreSQL, MariaDB/MySQL and Oracle quote
 * differently (backslash escapes, dollar quotes), the text is read under each dialect's rules and refused if
 * any reading finds something not allowed; where dialects disagree on comments ({@code #}, {@code --x},
 * nested or MySQL-executable comments) the text is read as code.
 */
public final class ReadOnlySql {

    private static final Set<String> FORBIDDEN_WORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "DROP", "ALTER", "CREATE", "RENAME",
            "GRANT", "REVOKE", "COPY", "CALL", "EXEC", "EXECUTE", "LOCK", "INTO", "VACUUM", "REINDEX", "CLUSTER",
            "COMMIT", "ROLLBACK", "SAVEPOINT", "BEGIN", "DECLARE", "HANDLER", "LOAD", "OUTFILE", "DUMPFILE");
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of(
            "NEXTVAL", "SETVAL", "SET_CONFIG", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF",
            "PG_ROTATE_LOGFILE", "PG_SWITCH_WAL", "PG_CREATE_RESTORE_POINT", "PG_PROMOTE", "PG_FILE_WRITE",
            "PG_ADVISORY_LOCK", "PG_ADVISORY_XACT_LOCK", "LO_IMPORT", "LO_EXPORT", "LO_UNLINK", "LO_CREATE",
            "LO_FROM_BYTEA", "LO_PUT", "DBLINK", "DBLINK_EXEC", "GET_LOCK", "RELEASE_LOCK", "PG_LOGICAL_EMIT_MESSAGE",
            "PG_NOTIFY", "PG_IMPORT_SYSTEM_COLLATIONS", "PG_REPLICATION_ORIGIN_CREATE");

    private ReadOnlySql() {
    }

    /**
     * @param sql the query as configured
     * @return why the query is refused, or empty when it may run
     */
    public static Optional<String> refusal(String sql) {
        if (sql == null || sql.isBlank()) {
            return Optional.of("the query is empty");
        }
        for (boolean backslashEscapes : new boolean[] {false, true}) {
            for (boolean dollarQuotes : new boolean[] {false, true}) {
                Optional<String> reason = judge(sql, backslashEscapes, dollarQuotes);
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> judge(String sql, boolean backslashEscapes, boolean dollarQuotes) {
        List<String> tokens;
        try {
            tokens = tokens(sql, backslashEscapes, dollarQuotes);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(";")) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return Optional.of("the query is empty (only comments)");
        }
        if (tokens.contains(";")) {
            return Optional.of("several statements separated by ';' are not allowed; give one SELECT");
        }
        String first = tokens.stream().filter(t -> !t.equals("(")).findFirst().orElse("");
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            return Optional.of("only a single SELECT (or WITH … SELECT) may run, not " + shown(first)
                    + "; the agent never writes to a database");
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (FORBIDDEN_WORDS.contains(token)) {
                return Optional.of("contains " + token + "; only reading queries may run, the agent never "
                        + "writes to or locks a database");
            }
            if (token.equals("SHARE") && i > 0 && (tokens.get(i - 1).equals("FOR") || tokens.get(i - 1).equals("KEY"))) {
                return Optional.of("locks rows (FOR SHARE); only reading queries may run");
            }
            if (FORBIDDEN_FUNCTIONS.contains(token) && i + 1 < tokens.size() && tokens.get(i + 1).equals("(")) {
                return Optional.of("calls " + token.toLowerCase(Locale.ROOT) + "(), which changes the server");
            }
        }
        return Optional.empty();
    }

    private static String shown(String token) {
        return token.isEmpty() ? "an empty statement" : token.equals("'…'") ? "a literal" : token;
    }

    /**
     * Splits SQL into upper-cased words and single-character symbols; comments are dropped, literals and
     * quoted identifiers become {@code '…'}.
     */
    static List<String> tokens(String sql, boolean backslashEscapes, boolean dollarQuotes) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && sql.startsWith("-", i + 1)
                    && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2)))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
                i += sql.charAt(i + 2) == '!' ? 3 : 4;
            } else if (c == '/' && sql.startsWith("*", i + 1)) {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("a /* comment */ is not closed");
                }
                i = close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c, backslashEscapes && c != '`');
                tokens.add("'…'");
            } else if (c == '$' && dollarQuotes && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                if (close < 0) {
                    throw new IllegalArgumentException("a " + tag + " quoted text is not closed");
                }
                i = close + tag.length();
                tokens.add("'…'");
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' && !(dollarQuotes && dollarTagEnd(sql, i) > 0))) {
                    i++;
                }
                if (i == start) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    tokens.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
                }
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("a quoted text (" + quote + ") is not closed");
    }

    /** @return the index after a dollar-quote tag such as {@code $$} or {@code $body$} starting at {@code i}, or -1 */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
                || j > i + 1 && Character.isDigit(sql.charAt(j)))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }
}
