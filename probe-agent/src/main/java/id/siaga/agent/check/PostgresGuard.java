package id.siaga.agent.check;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks at run time, on PostgreSQL, what {@link ReadOnlySql} cannot see in the query's text: whether the functions
 * it calls by name are built in or harmless, and whether the account may open dblink connections (which run
 * outside the check's read-only transaction). Runs inside the check's transaction, before the query.
 */
final class PostgresGuard {

    /** The dblink functions that open or use a connection of their own. */
    static final List<String> DBLINK_CONNECTING = List.of(
            "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open");

    /** The names of the connecting dblink functions the current account may execute. */
    static final String DBLINK_EXECUTABLE = """
            select distinct p.proname
            from pg_proc p
            join pg_depend d on d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
            join pg_extension e on e.oid = d.refobjid and e.extname = 'dblink'
            where p.proname = any(?) and has_function_privilege(p.oid, 'EXECUTE')
            order by 1""";

    private static final String CALLED = """
            select n.nspname, p.proname, p.provolatile, p.prosecdef, coalesce(e.extname, ''),
                   coalesce(p.prosrc ~* 'dblink', false)
            from pg_proc p
            join pg_namespace n on n.oid = p.pronamespace
            left join pg_depend d on d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
            left join pg_extension e on e.oid = d.refobjid
            where p.proname = any(?)
            order by 1, 2""";

    private PostgresGuard() {
    }

    /**
     * @param connection the check's connection, in its read-only transaction
     * @param calls      the functions the query calls, from {@link ReadOnlySql#functionCalls}
     * @return why the query must not run, or empty
     */
    static Optional<String> refusal(Connection connection, List<String> calls) throws SQLException {
        List<String> dblink = dblinkExecutable(connection);
        if (!dblink.isEmpty()) {
            return Optional.of("the account may call the dblink functions " + String.join(", ", dblink) + ", which "
                    + "open their own connection outside the check's read-only transaction; revoke EXECUTE on them "
                    + "from PUBLIC and from this account (see \"Least-privilege database account\" in the agent's README)");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String call : calls) {
            names.add(call.substring(call.lastIndexOf('.') + 1));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(CALLED)) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Optional<String> reason = judge(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getBoolean(4), rows.getString(5), rows.getBoolean(6));
                    if (reason.isPresent()) {
                        return reason;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return the connecting dblink functions the connection's account may execute; empty without dblink */
    static List<String> dblinkExecutable(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DBLINK_EXECUTABLE)) {
            Array names = connection.createArrayOf("text", DBLINK_CONNECTING.toArray());
            statement.setArray(1, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** The rule for one function the query may call; package-private for tests. */
    static Optional<String> judge(String schema, String name, String volatility, boolean securityDefiner,
                                  String extension, boolean mentionsDblink) {
        String shown = schema + "." + name + "()";
        if (extension.equals("dblink")) {
            return Optional.of("calls " + shown + ", a function of the dblink extension, which opens its own "
                    + "connection outside the check's read-only transaction");
        }
        if (schema.equals("pg_catalog") || schema.equals("information_schema")) {
            return Optional.empty();
        }
        if (securityDefiner) {
            return Optional.of("calls " + shown + ", which runs with its owner's rights (SECURITY DEFINER), not "
                    + "with the check's read-only account");
        }
        if (mentionsDblink) {
            return Optional.of("calls " + shown + ", whose body uses dblink, which opens its own connection "
                    + "outside the check's read-only transaction");
        }
        if ("v".equals(volatility)) {
            return Optional.of("calls " + shown + ", a VOLATILE function that is not built in: it may write or "
                    + "reach outside the check; only built-in functions and functions declared STABLE or "
                    + "IMMUTABLE may be called");
        }
        return Optional.empty();
    }
}
