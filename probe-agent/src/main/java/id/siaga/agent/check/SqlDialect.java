package id.siaga.agent.check;

import java.util.List;

/**
 * The database kinds whose SQL the agent reads before running a {@code jdbc} check, chosen by the JDBC URL.
 * Each kind lists the ways its server may be configured to read the same text ({@link SqlLexer.Reading}):
 * a query runs only when every reading finds it harmless.
 */
public enum SqlDialect {
    /** PostgreSQL: dollar quotes, nested comments, {@code E'…'} strings, {@code U&"…"} identifiers. */
    POSTGRESQL,
    /** MariaDB and MySQL: backtick identifiers, {@code #} and executable {@code /*! … *}{@code /} comments. */
    MARIADB,
    /** Oracle: {@code q'[…]'} strings, functions called without parentheses, {@code @link} database links. */
    ORACLE,
    /** A URL of another kind: the query is read under every dialect above and must pass all of them. */
    UNKNOWN;

    /** @return the dialect for a JDBC URL such as {@code jdbc:postgresql://…} */
    public static SqlDialect ofUrl(String url) {
        if (url == null) {
            return UNKNOWN;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (url.startsWith("jdbc:oracle:")) {
            return ORACLE;
        }
        return UNKNOWN;
    }

    /** @return the dialects whose rules apply: this one, or all three for {@link #UNKNOWN} */
    List<SqlDialect> concrete() {
        return this == UNKNOWN ? List.of(POSTGRESQL, MARIADB, ORACLE) : List.of(this);
    }
}
