package id.siaga.agent.check;

import id.siaga.agent.TestMariaDb;
import id.siaga.agent.TestPostgres;
import id.siaga.agent.config.CheckSpec;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code doctor} reports about a check's database account: the decisions, and real servers. */
class DatabaseAccountTest {

    @Test
    void aMariaDbAccountWithSelectAndMonitoringRightsOnlyReads() {
        assertEquals(List.of(), DatabaseAccount.mariaDbRights(List.of(
                "GRANT PROCESS, BINLOG MONITOR, SHOW VIEW ON *.* TO `ro`@`%` IDENTIFIED BY PASSWORD '*B690'",
                "GRANT SELECT ON `siak`.`penduduk` TO `ro`@`%`",
                "GRANT SELECT (`nik`, `nama`) ON `siak`.`biodata` TO `ro`@`%`",
                "GRANT USAGE ON *.* TO `mon`",
                "GRANT REPLICATION CLIENT ON *.* TO 'ro'@'localhost'",
                "GRANT `monitoring` TO `ro`@`%`",
                "SET DEFAULT ROLE `monitoring` FOR `ro`@`%`")));
    }

    @Test
    void namesEachMariaDbRightBeyondReading() {
        assertEquals(List.of(
                        "holds ALL PRIVILEGES on `siak`.*",
                        "may pass its rights on `siak`.* to other accounts (WITH GRANT OPTION)",
                        "holds UPDATE (`nama`, `alamat`) on `siak`.`penduduk`",
                        "holds FILE on *.*",
                        "holds EXECUTE on PROCEDURE `siak`.`p`",
                        "holds PROXY on ''@'%'"),
                DatabaseAccount.mariaDbRights(List.of(
                        "GRANT ALL PRIVILEGES ON `siak`.* TO `al`@`%` WITH GRANT OPTION",
                        "GRANT SELECT (`nik`), UPDATE (`nama`, `alamat`) ON `siak`.`penduduk` TO `al`@`%`",
                        "GRANT SELECT, FILE ON *.* TO `al`@`%` IDENTIFIED BY PASSWORD '*X'",
                        "GRANT EXECUTE ON PROCEDURE `siak`.`p` TO `al`@`%`",
                        "GRANT PROXY ON ''@'%' TO 'al'@'%'")));
    }

    @Test
    void findsTheRolesAMariaDbAccountWasGranted() {
        assertEquals("monitoring", DatabaseAccount.grantedRole("GRANT `monitoring` TO `ro`@`%`"));
        assertEquals("mon", DatabaseAccount.grantedRole("GRANT 'mon' TO 'ro'@'%' WITH ADMIN OPTION"));
        assertEquals(null, DatabaseAccount.grantedRole("GRANT SELECT ON `siak`.* TO `ro`@`%`"));
        assertEquals(null, DatabaseAccount.grantedRole("SET DEFAULT ROLE `mon` FOR `ro`@`%`"));
    }

    @Test
    void anOracleAccountWithCreateSessionAndSelectOnlyReads() {
        assertEquals(List.of(), DatabaseAccount.oracleRights(List.of("CREATE SESSION", "ALTER SESSION"),
                List.of(List.of("SIAK", "BIODATA_WNI", "SELECT"), List.of("SIAK", "V_REKAM", "READ")),
                Map.of("SYNONYM", 3)));
    }

    @Test
    void namesEachOracleRightBeyondReading() {
        Map<String, Integer> owned = new LinkedHashMap<>();
        owned.put("TABLE", 12);
        owned.put("SYNONYM", 2);
        owned.put("DATABASE LINK", 1);
        assertEquals(List.of(
                        "holds the system privilege CREATE TABLE (a monitoring account needs only CREATE SESSION)",
                        "holds the system privilege DELETE ANY TABLE (a monitoring account needs only CREATE SESSION)",
                        "holds the system privilege EXECUTE ANY PROCEDURE (a monitoring account needs only CREATE SESSION)",
                        "holds INSERT on 2 objects: SIAK.BIODATA_WNI, SIAK.LOG",
                        "holds EXECUTE on object SYS.DBMS_LOCK",
                        "owns 12 TABLE objects in its own schema, which it may change: use an account that owns nothing",
                        "owns 1 DATABASE LINK in its own schema, which it may change: use an account that owns nothing"),
                DatabaseAccount.oracleRights(
                        List.of("CREATE SESSION", "CREATE TABLE", "DELETE ANY TABLE", "EXECUTE ANY PROCEDURE"),
                        List.of(List.of("SIAK", "BIODATA_WNI", "INSERT"), List.of("SIAK", "BIODATA_WNI", "SELECT"),
                                List.of("SIAK", "LOG", "INSERT"), List.of("SYS", "DBMS_LOCK", "EXECUTE")),
                        owned));
    }

    @Test
    void hidesCredentialsWrittenIntoTheUrl() {
        assertEquals("jdbc:oracle:thin:@//db:1521/SIAK", DatabaseAccount.shownUrl("jdbc:oracle:thin:siak/secret@//db:1521/SIAK"));
        assertEquals("jdbc:postgresql://db/siak", DatabaseAccount.shownUrl("jdbc:postgresql://db/siak?password=secret"));
        assertEquals("jdbc:mariadb://db/siak", DatabaseAccount.shownUrl("jdbc:mariadb://u:secret@db/siak"));
    }

    @Test
    void thePostgresqlLeastPrivilegeAccountOnlyReads() throws Exception {
        assertEquals(List.of(), DatabaseAccount.writeRights(postgres(TestPostgres.READ_ONLY_USER)));
    }

    @Test
    void namesTheRightsOfAPostgresqlOwnerAccount() throws Exception {
        try (Connection c = DriverManager.getConnection(TestPostgres.siakUrl(), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'siak_owner') then "
                    + "create role siak_owner login createdb; end if; end $$");
            s.execute("create table if not exists pemilik (id int)");
            s.execute("alter table pemilik owner to siak_owner");
            s.execute("grant insert, update on penduduk to siak_owner");
            s.execute("grant pg_signal_backend to siak_owner");
            s.execute("grant execute on function dblink_exec(text, text) to siak_owner");
        }
        assertEquals(List.of(
                "may create databases (CREATEDB)",
                "is a member of pg_signal_backend: it may cancel and end other sessions",
                "may INSERT into 2 tables: public.pemilik, public.penduduk",
                "may UPDATE 2 tables: public.pemilik, public.penduduk",
                "may DELETE from table public.pemilik",
                "may TRUNCATE table public.pemilik",
                "owns (and so may change or drop) object public.pemilik",
                "may call the dblink functions dblink_exec (EXECUTE), which open their own connection, outside the "
                        + "read-only transaction, as any account whose password is known"),
                DatabaseAccount.writeRights(postgres("siak_owner")));
        assertEquals(List.of("is a superuser (SUPERUSER): it may read and change everything, files and programs on "
                + "the server included"), DatabaseAccount.writeRights(postgres("postgres")));
    }

    @Test
    void namesTheRightsOfAMariaDbAccountGrantedAll() throws Exception {
        List<String> rights = DatabaseAccount.writeRights(mariaDb(TestMariaDb.ALL_USER));
        assertEquals(List.of("holds FILE on *.*", "holds ALL PRIVILEGES on `siak`.*"), rights);
    }

    @Test
    void theMariaDbLeastPrivilegeAccountOnlyReads() throws Exception {
        assertEquals(List.of(), DatabaseAccount.writeRights(mariaDb(TestMariaDb.READ_ONLY_USER)));
    }

    @Test
    void followsTheRolesOfAMariaDbAccount() throws Exception {
        try (Connection c = TestMariaDb.root(); Statement s = c.createStatement()) {
            s.execute("create role if not exists penulis");
            s.execute("grant insert on siak.penduduk to penulis");
            s.execute("create user if not exists 'siaga_role'@'%' identified by '" + TestMariaDb.PASSWORD + "'");
            s.execute("grant select on siak.penduduk to 'siaga_role'@'%'");
            s.execute("grant penulis to 'siaga_role'@'%'");
        }
        assertEquals(List.of("holds INSERT on `siak`.`penduduk`"), DatabaseAccount.writeRights(mariaDb("siaga_role")));
    }

    private static CheckSpec.Jdbc postgres(String user) {
        return new CheckSpec.Jdbc(TestPostgres.siakUrl(), user, null, "select 1", 5, null, null, null, null, null, null);
    }

    private static CheckSpec.Jdbc mariaDb(String user) {
        return new CheckSpec.Jdbc(TestMariaDb.url(), user, TestMariaDb.PASSWORD, "select 1", 5, null, null, null, null,
                null, null);
    }
}
