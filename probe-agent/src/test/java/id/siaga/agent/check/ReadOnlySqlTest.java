package id.siaga.agent.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadOnlySqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1",
        "SELECT count(*) FROM biodata_wni WHERE tgl_entri > now() - interval '1 day'",
        "select 1;",
        "  -- how many today\n select count(*) from t /* the main table */ ;  ",
        "WITH recent AS (SELECT * FROM t WHERE x > 1) SELECT count(*) FROM recent",
        "(select 1) union (select 2)",
        "select 'insert; delete' as text_with_keywords",
        "select \"update\" from t",
        "select $$ dollar-quoted text $$ is not null",
        "select updated_at, deleted_flag, created_by from t",
        "select replace(name, 'a', 'b') from t",
        "select 1 from dual",
        "select substring(nama from 1 for 3) from penduduk",
        "select count(*) from t where shared = true"
    })
    void allowsASingleReadingQuery(String sql) {
        assertTrue(ReadOnlySql.refusal(sql).isEmpty(), () -> sql + " -> " + ReadOnlySql.refusal(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into t values (1)",
        "UPDATE t SET x = 1",
        "delete from t",
        "create table x (a int)",
        "drop table t",
        "truncate t",
        "select 1; delete from t",
        "select 1;; delete from t",
        "select 1 /* ; */ ; delete from t",
        "WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone",
        "with x as (insert into t values (1) returning 1) select * from x",
        "with x as (select 1) update t set a = 1",
        "merge into t using s on (t.id = s.id) when matched then update set a = 1",
        "select * into backup_t from t",
        "select * from t for update",
        "select nextval('seq')",
        "select pg_terminate_backend(123)",
        "select 1 into outfile '/tmp/x'",
        "/* only a comment */",
        "",
        "select 'unclosed",
        "select 'a\\'; delete from t; --'",
        "select 1 # 2; delete from t",
        "select 1 --1; delete from t",
        "select 1 /*! ; delete from t */",
        "select 1 /* /* */ ; delete from t */",
        "call refresh()",
        "explain analyze delete from t",
        "grant all on t to public",
        "set role admin",
        "lock table t",
        "select * from t for share",
        "select * from t for key share",
        "select pg_notify('c', 'x')",
        "select $$ ; drop table t $$ is not null"
    })
    void refusesStatementsThatWriteOrAreNotASingleSelectUnderAnyDialectsReading(String sql) {
        assertTrue(ReadOnlySql.refusal(sql).isPresent(), () -> "not refused: " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT \"dblink_exec\"('dbname=postgres user=postgres password=x', 'delete from t where id=2')",
        "SELECT * FROM \"dblink\"('dbname=postgres', 'insert into t values (9) returning 1') AS r(x int)",
        "SELECT \"pg_terminate_backend\"(pid) FROM pg_stat_activity WHERE application_name = 'victim'",
        "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_stat_activity",
        "SELECT \"pg_catalog\".\"pg_cancel_backend\"(1)",
        "SELECT public.dblink_exec('x', 'y')",
        "SELECT \"DBLINK_EXEC\"('x', 'y')",
        "SELECT dblink_exec /* spaced */ ('x', 'y')",
        "SELECT dblink_connect('c', 'dbname=x')",
        "SELECT U&\"dblink_exe\\0063\"('x', 'y')",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT pg_read_binary_file('/etc/passwd')",
        "SELECT pg_stat_file('/etc/passwd')",
        "SELECT * FROM pg_ls_dir('/')",
        "SELECT pg_ls_waldir()",
        "SELECT lo_import('/etc/passwd')",
        "SELECT lo_export(1, '/tmp/x')",
        "SELECT pg_sleep(1)",
        "SELECT pg_sleep_for('1 s')",
        "SELECT set_config('transaction_read_only', 'off', true)",
        "SELECT pg_advisory_lock(1)",
        "SELECT pg_try_advisory_xact_lock(1)",
        "SELECT setval('s', 1)",
        "SELECT txid_current()",
        "SELECT pg_stat_reset()",
        "SELECT query_to_xml('delete from t', true, true, '')",
        "SELECT ts_stat('select 1')",
        "SELECT 1 FROM t WHERE $$x$$ = 'x' AND pg_sleep(1) IS NOT NULL",
        "SELECT E'it\\'s'; DELETE FROM t; --'",
        "SELECT 1 --x\n; delete from t",
        "SELECT 1 /* /* */ ' */ ; delete from t; --'",
        "SELECT 1 AS x$$ ; delete from t; select $$",
        "SELECT 1into gone FROM t",
        "SELECT 1.5into gone FROM t",
        "SELECT 1e5into gone FROM t"
    })
    void refusesOnPostgresqlTheFunctionsThatReachOutsideTheTransactionHoweverTheyAreSpelled(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.POSTGRESQL).isPresent(), () -> "not refused: " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select now()",
        "select count(*) as \"Jumlah hari ini\" from t",
        "select 'please delete me' as note",
        "select \"delete\" from \"Penduduk\"",
        "select E'a\\'b' as escaped",
        "select $body$ insert $body$",
        "select max(tgl) from t where nama ilike '%dblink%'",
        "select pg_database_size(current_database())",
        "select count(*) from pg_stat_activity where state = 'active'",
        "select extract(epoch from now() - pg_last_xact_replay_timestamp())",
        "select 1 as a$b",
        "select 1_000_000 + 1.5e-3 + .5"
    })
    void allowsOnPostgresqlReadingQueries(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.POSTGRESQL).isEmpty(),
                () -> sql + " -> " + ReadOnlySql.refusal(sql, SqlDialect.POSTGRESQL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM t INTO OUTFILE '/tmp/x'",
        "SELECT * FROM t INTO DUMPFILE '/tmp/x'",
        "SELECT count(*) INTO @n FROM t",
        "SELECT SLEEP(5)",
        "SELECT `sleep`(5)",
        "SELECT BENCHMARK(1000000, md5('x'))",
        "SELECT LOAD_FILE('/etc/passwd')",
        "SELECT GET_LOCK('x', 10)",
        "SELECT * FROM t FOR UPDATE",
        "SELECT * FROM t LOCK IN SHARE MODE",
        "SELECT NEXT VALUE FOR s",
        "SELECT NEXTVAL(s)",
        "SELECT 1 # comment\n; delete from t",
        "SELECT 1 /*!50000 ; delete from t */",
        "SELECT 'a\\'; delete from t; -- '",
        "SELECT 1 -- \n; delete from t",
        "SELECT \"a\\\"; delete from t; -- \"",
        "SELECT 1into outfile '/tmp/x'",
        "SELECT 1.into outfile '/tmp/x'",
        "SELECT 1e1into @x",
        "SELECT 1sleep(5)"
    })
    void refusesOnMariadbFileWritesWaitsAndLocks(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.MARIADB).isPresent(), () -> "not refused: " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select count(*) as `Jumlah` from `siak`.`penduduk`",
        "select version()",
        "select 'delete' as word, now()",
        "select count(*) from information_schema.processlist",
        "select 1 -- comment\n",
        "select 1 #comment",
        "select 1abc from t",
        "select 0x1F, 1.5e3, .5"
    })
    void allowsOnMariadbReadingQueries(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.MARIADB).isEmpty(),
                () -> sql + " -> " + ReadOnlySql.refusal(sql, SqlDialect.MARIADB));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT DBMS_LOCK.SLEEP(5) FROM dual",
        "SELECT sys.dbms_pipe.send_message('x') FROM dual",
        "SELECT \"DBMS_XMLGEN\".getxml('delete from t') FROM dual",
        "SELECT UTL_HTTP.REQUEST('http://example') FROM dual",
        "SELECT HTTPURITYPE('http://example').getclob() FROM dual",
        "SELECT seq.NEXTVAL FROM dual",
        "SELECT * FROM t@remote_link",
        "SELECT q'[ ' ]' FROM dual; DELETE FROM t",
        "SELECT * FROM t FOR UPDATE"
    })
    void refusesOnOraclePackagesDatabaseLinksAndSequences(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.ORACLE).isPresent(), () -> "not refused: " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1 FROM dual",
        "SELECT COUNT(*) FROM nama_tabel WHERE tgl_entri >= TRUNC(SYSDATE)",
        "SELECT q'[it's; delete]' FROM dual",
        "SELECT \"Nama\" FROM \"Penduduk\""
    })
    void allowsOnOracleReadingQueries(String sql) {
        assertTrue(ReadOnlySql.refusal(sql, SqlDialect.ORACLE).isEmpty(),
                () -> sql + " -> " + ReadOnlySql.refusal(sql, SqlDialect.ORACLE));
    }

    @Test
    void saysInPlainWordsWhyAQuotedFunctionCallIsRefused() {
        assertEquals("calls dblink_exec(), which opens its own connection, outside the check's read-only transaction",
                ReadOnlySql.refusal("select \"dblink_exec\"('x', 'y')", SqlDialect.POSTGRESQL).orElseThrow());
        assertEquals("calls pg_catalog.pg_terminate_backend(), which acts on other sessions of the database",
                ReadOnlySql.refusal("select pg_catalog.pg_terminate_backend(1)", SqlDialect.POSTGRESQL).orElseThrow());
    }

    @Test
    void listsTheFunctionsAQueryCallsFoldedAsPostgresqlFoldsThem() {
        assertEquals(List.of("count", "Public.Audit", "myschema.f", "in"), ReadOnlySql.functionCalls(
                "select count(*), \"Public\".\"Audit\"(1), MySchema.F() from t where x in (1)",
                SqlDialect.POSTGRESQL));
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://h/db, POSTGRESQL",
        "jdbc:mariadb://h/db, MARIADB",
        "jdbc:mysql://h/db, MARIADB",
        "jdbc:oracle:thin:@//h:1521/S, ORACLE",
        "jdbc:h2:mem:x, UNKNOWN"
    })
    void choosesTheDialectByTheUrl(String url, SqlDialect dialect) {
        assertEquals(dialect, SqlDialect.ofUrl(url));
    }
}
