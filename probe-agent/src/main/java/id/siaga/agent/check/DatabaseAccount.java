package id.siaga.agent.check;

import id.siaga.agent.config.CheckSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code jdbc} check's database account may do beyond reading, for {@code siaga-agent doctor}: it connects
 * with the check's own settings and lists, in plain words, each right that lets the account write, lock, act on
 * other sessions or reach outside its transaction. An empty list means a least-privilege account. The decisions
 * on MariaDB's {@code SHOW GRANTS} lines and Oracle's privilege lists are pure methods, tested without a server.
 */
public final class DatabaseAccount {

    /** Most table names shown for one right. */
    static final int SHOWN_NAMES = 5;

    /** MariaDB/MySQL privileges a monitoring account may hold. */
    static final Set<String> MARIADB_READING = Set.of("SELECT", "SHOW VIEW", "PROCESS", "REPLICATION CLIENT",
            "BINLOG MONITOR", "SLAVE MONITOR", "REPLICA MONITOR", "USAGE");
    /** Oracle system privileges a monitoring account may hold. */
    static final Set<String> ORACLE_READING_SYSTEM = Set.of("CREATE SESSION", "ALTER SESSION", "SELECT ANY TABLE",
            "SELECT ANY DICTIONARY", "READ ANY TABLE", "SELECT ANY TRANSACTION", "SET CONTAINER",
            "UNLIMITED TABLESPACE", "SELECT_CATALOG_ROLE");
    /** Oracle object privileges a monitoring account may hold. */
    static final Set<String> ORACLE_READING_OBJECT = Set.of("SELECT", "READ");
    /** Kinds of Oracle objects whose owner can change data or run code. */
    static final Set<String> ORACLE_OWNED_WRITABLE = Set.of("TABLE", "SEQUENCE", "PROCEDURE", "FUNCTION", "PACKAGE",
            "TRIGGER", "TYPE", "JAVA CLASS", "LIBRARY", "DATABASE LINK", "MATERIALIZED VIEW");

    private DatabaseAccount() {
    }

    /**
     * Connects with the check's URL, user and password and lists the account's rights beyond reading.
     *
     * @param spec the check's settings
     * @return one plain-words line per right found; empty for a least-privilege account
     * @throws SQLException                  when the database cannot be reached or asked
     * @throws UnsupportedOperationException for a URL of a kind this class does not know
     */
    public static List<String> writeRights(CheckSpec.Jdbc spec) throws SQLException {
        SqlDialect dialect = SqlDialect.ofUrl(spec.url());
        if (dialect == SqlDialect.UNKNOWN) {
            throw new UnsupportedOperationException("rights are inspected only on PostgreSQL, MariaDB/MySQL and Oracle");
        }
        try (Connection connection = JdbcCheck.connect(spec, JdbcCheck.url(spec))) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                return switch (dialect) {
                    case POSTGRESQL -> postgres(connection);
                    case MARIADB -> mariaDb(connection);
                    default -> oracle(connection);
                };
            } finally {
                connection.rollback();
            }
        }
    }

    // --- PostgreSQL ---------------------------------------------------------------------------------------

    private static final String PG_ROLE = """
            select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
            from pg_roles where rolname = current_user""";
    private static final String PG_MEMBERSHIPS = """
            select rolname from pg_roles
            where rolname in ('pg_write_server_files', 'pg_execute_server_program', 'pg_write_all_data',
                              'pg_signal_backend')
              and pg_has_role(current_user, oid, 'MEMBER')
            order by 1""";
    private static final String PG_TABLES = """
            select quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                   case when c.relkind = 'S'
                        then has_sequence_privilege(c.oid, 'USAGE') or has_sequence_privilege(c.oid, 'UPDATE')
                        else false end,
                   case when c.relkind <> 'S' then has_any_column_privilege(c.oid, 'INSERT') else false end,
                   case when c.relkind <> 'S' then has_any_column_privilege(c.oid, 'UPDATE') else false end,
                   case when c.relkind <> 'S' then has_table_privilege(c.oid, 'DELETE') else false end,
                   case when c.relkind <> 'S' then has_table_privilege(c.oid, 'TRUNCATE') else false end,
                   pg_has_role(c.relowner, 'USAGE')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
            order by 1""";
    private static final String PG_SCHEMAS = """
            select nspname from pg_namespace
            where has_schema_privilege(oid, 'CREATE') and nspname not like 'pg\\_%' and nspname <> 'information_schema'
            order by 1""";

    static List<String> postgres(Connection connection) throws SQLException {
        List<String> rights = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery(PG_ROLE)) {
                if (role.next()) {
                    if (role.getBoolean(1)) {
                        rights.add("is a superuser (SUPERUSER): it may read and change everything, files and "
                                + "programs on the server included");
                        return rights;
                    }
                    addIf(rights, role.getBoolean(2), "may create and change roles (CREATEROLE)");
                    addIf(rights, role.getBoolean(3), "may create databases (CREATEDB)");
                    addIf(rights, role.getBoolean(4), "may open replication connections and create replication slots "
                            + "(REPLICATION)");
                    addIf(rights, role.getBoolean(5), "bypasses row-level security (BYPASSRLS)");
                }
            }
            try (ResultSet roles = statement.executeQuery(PG_MEMBERSHIPS)) {
                while (roles.next()) {
                    String name = roles.getString(1);
                    rights.add("is a member of " + name + ": " + switch (name) {
                        case "pg_write_server_files" -> "it may write files on the database server";
                        case "pg_execute_server_program" -> "it may run programs on the database server";
                        case "pg_write_all_data" -> "it may write to every table";
                        default -> "it may cancel and end other sessions";
                    });
                }
            }
            Map<String, List<String>> byRight = new LinkedHashMap<>();
            for (String right : List.of("may advance (nextval)", "may INSERT into", "may UPDATE", "may DELETE from",
                    "may TRUNCATE", "owns (and so may change or drop)")) {
                byRight.put(right, new ArrayList<>());
            }
            try (ResultSet tables = statement.executeQuery(PG_TABLES)) {
                while (tables.next()) {
                    int column = 2;
                    for (List<String> names : byRight.values()) {
                        if (tables.getBoolean(column++)) {
                            names.add(tables.getString(1));
                        }
                    }
                }
            }
            byRight.forEach((right, names) -> {
                if (!names.isEmpty()) {
                    String noun = right.startsWith("may advance") ? "sequence" : right.startsWith("owns") ? "object"
                            : "table";
                    rights.add(right + " " + names(names, noun));
                }
            });
            try (ResultSet schemas = statement.executeQuery(PG_SCHEMAS)) {
                while (schemas.next()) {
                    rights.add("may create tables and functions in schema " + schemas.getString(1) + " (CREATE)");
                }
            }
            try (ResultSet database = statement.executeQuery(
                    "select has_database_privilege(current_database(), 'CREATE'), current_database()")) {
                database.next();
                addIf(rights, database.getBoolean(1), "may create schemas in database " + database.getString(2)
                        + " (CREATE)");
            }
        }
        List<String> dblink = PostgresGuard.dblinkExecutable(connection);
        if (!dblink.isEmpty()) {
            rights.add("may call the dblink functions " + String.join(", ", dblink) + " (EXECUTE), which open their own "
                    + "connection, outside the read-only transaction, as any account whose password is known");
        }
        return rights;
    }

    // --- MariaDB / MySQL ----------------------------------------------------------------------------------

    static List<String> mariaDb(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        Set<String> seenRoles = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>();
        pending.add(null);
        while (!pending.isEmpty()) {
            for (String line : grants(connection, pending.remove(0))) {
                lines.add(line);
                String granted = grantedRole(line);
                if (granted != null && seenRoles.add(granted)) {
                    pending.add(granted);
                }
            }
        }
        return mariaDbRights(lines);
    }

    /**
     * @return the account's {@code SHOW GRANTS} lines, or a granted role's: asked for directly, or (when the
     *         server lets an account see a role's grants only while it is active) after {@code SET ROLE}
     */
    private static List<String> grants(Connection connection, String role) throws SQLException {
        String quoted = role == null ? null : "`" + role.replace("`", "``") + "`";
        try (Statement statement = connection.createStatement()) {
            try {
                return lines(statement, role == null ? "SHOW GRANTS" : "SHOW GRANTS FOR " + quoted);
            } catch (SQLException notVisible) {
                if (role == null) {
                    throw notVisible;
                }
                statement.execute("SET ROLE " + quoted);
                return lines(statement, "SHOW GRANTS");
            }
        }
    }

    private static List<String> lines(Statement statement, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }

    /**
     * @param grantLines the lines of {@code SHOW GRANTS} for the account and for each role it was granted
     * @return one line for each grant beyond {@link #MARIADB_READING}, each once
     */
    static List<String> mariaDbRights(List<String> grantLines) {
        Set<String> rights = new LinkedHashSet<>();
        for (String line : grantLines) {
            Grant grant = Grant.parse(line);
            if (grant == null) {
                continue;
            }
            List<String> beyond = new ArrayList<>();
            for (String privilege : grant.privileges()) {
                String bare = privilege.replaceAll("\\s*\\(.*\\)\\s*$", "").trim().toUpperCase(Locale.ROOT);
                if (!MARIADB_READING.contains(bare)) {
                    beyond.add(privilege);
                }
            }
            if (!beyond.isEmpty()) {
                rights.add("holds " + String.join(", ", beyond) + " on " + grant.target());
            }
            if (grant.grantOption()) {
                rights.add("may pass its rights on " + grant.target() + " to other accounts (WITH GRANT OPTION)");
            }
        }
        return List.copyOf(rights);
    }

    /** @return the role a {@code GRANT `role` TO …} line grants, or null for other lines */
    static String grantedRole(String line) {
        if (!line.startsWith("GRANT ") || Grant.keyword(line, " ON ", 6) >= 0) {
            return null;
        }
        int to = Grant.keyword(line, " TO ", 6);
        if (to < 0) {
            return null;
        }
        String role = line.substring(6, to).trim();
        if (role.length() >= 2 && (role.charAt(0) == '`' || role.charAt(0) == '\'')) {
            role = role.substring(1, role.length() - 1);
        }
        return role;
    }

    /** One {@code GRANT privileges ON target TO account} line of MariaDB's {@code SHOW GRANTS}. */
    record Grant(List<String> privileges, String target, boolean grantOption) {

        /** @return the grant, or null when the line is not of that form (a role grant, SET DEFAULT ROLE) */
        static Grant parse(String line) {
            if (!line.startsWith("GRANT ")) {
                return null;
            }
            int on = keyword(line, " ON ", 6);
            if (on < 0) {
                return null;
            }
            int to = keyword(line, " TO ", on + 4);
            if (to < 0) {
                return null;
            }
            List<String> privileges = new ArrayList<>();
            int depth = 0;
            int start = 6;
            for (int k = 6; k < on; k++) {
                char c = line.charAt(k);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    privileges.add(line.substring(start, k).trim());
                    start = k + 1;
                }
            }
            privileges.add(line.substring(start, on).trim());
            String target = line.substring(on + 4, to).trim();
            return new Grant(privileges, target, line.endsWith(" WITH GRANT OPTION")
                    || line.contains(" WITH GRANT OPTION "));
        }

        /** @return where {@code word} starts in {@code line} from {@code from}, outside quotes and parentheses; -1 if not */
        static int keyword(String line, String word, int from) {
            int depth = 0;
            char quote = 0;
            for (int k = from; k < line.length(); k++) {
                char c = line.charAt(k);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '`' || c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (depth == 0 && line.startsWith(word, k)) {
                    return k;
                }
            }
            return -1;
        }
    }

    // --- Oracle -------------------------------------------------------------------------------------------

    static List<String> oracle(Connection connection) throws SQLException {
        List<String> system = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT privilege FROM session_privs ORDER BY privilege")) {
            while (rows.next()) {
                system.add(rows.getString(1));
            }
        }
        List<List<String>> objects = new ArrayList<>();
        for (String sql : List.of(
                "SELECT owner, table_name, privilege FROM user_tab_privs WHERE grantee = USER",
                "SELECT owner, table_name, privilege FROM role_tab_privs")) {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    objects.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        Map<String, Integer> owned = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT object_type, COUNT(*) FROM user_objects GROUP BY object_type ORDER BY object_type")) {
            while (rows.next()) {
                owned.put(rows.getString(1), rows.getInt(2));
            }
        }
        return oracleRights(system, objects, owned);
    }

    /**
     * @param systemPrivileges the account's {@code SESSION_PRIVS}
     * @param objectPrivileges {@code [owner, object, privilege]} from {@code USER_TAB_PRIVS} and {@code ROLE_TAB_PRIVS}
     * @param owned            the number of objects the account owns, by {@code USER_OBJECTS.OBJECT_TYPE}
     * @return one line for each right beyond reading
     */
    static List<String> oracleRights(List<String> systemPrivileges, List<List<String>> objectPrivileges,
                                     Map<String, Integer> owned) {
        Set<String> rights = new LinkedHashSet<>();
        for (String privilege : systemPrivileges) {
            String upper = privilege.trim().toUpperCase(Locale.ROOT);
            if (!ORACLE_READING_SYSTEM.contains(upper)) {
                rights.add("holds the system privilege " + upper + " (a monitoring account needs only CREATE SESSION)");
            }
        }
        Map<String, List<String>> byPrivilege = new LinkedHashMap<>();
        for (List<String> grant : objectPrivileges) {
            String privilege = grant.get(2).trim().toUpperCase(Locale.ROOT);
            if (!ORACLE_READING_OBJECT.contains(privilege)) {
                byPrivilege.computeIfAbsent(privilege, p -> new ArrayList<>()).add(grant.get(0) + "." + grant.get(1));
            }
        }
        byPrivilege.forEach((privilege, names) -> rights.add("holds " + privilege + " on " + names(names, "object")));
        owned.forEach((type, count) -> {
            if (ORACLE_OWNED_WRITABLE.contains(type.toUpperCase(Locale.ROOT)) && count > 0) {
                rights.add("owns " + count + " " + type.toUpperCase(Locale.ROOT) + (count == 1 ? "" : " objects")
                        + " in its own schema, which it may change: use an account that owns nothing");
            }
        });
        return List.copyOf(rights);
    }

    // --- shared ---------------------------------------------------------------------------------------------

    /** @return the URL without its parameters and without a user or password written into it, for printing */
    public static String shownUrl(String url) {
        String shown = url;
        int parameters = shown.indexOf('?');
        if (parameters >= 0) {
            shown = shown.substring(0, parameters);
        }
        return shown.replaceFirst("^jdbc:oracle:thin:[^@]*@", "jdbc:oracle:thin:@").replaceFirst("//[^/@]*@", "//");
    }

    private static void addIf(List<String> rights, boolean holds, String right) {
        if (holds) {
            rights.add(right);
        }
    }

    /** @return e.g. {@code "3 tables: a, b, c"} or {@code "7 tables: a, b, c, d, e and 2 more"} */
    static String names(List<String> names, String noun) {
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN_NAMES, names.size())));
        String more = names.size() > SHOWN_NAMES ? " and " + (names.size() - SHOWN_NAMES) + " more" : "";
        return names.size() == 1 ? noun + " " + shown : names.size() + " " + noun + "s: " + shown + more;
    }
}
