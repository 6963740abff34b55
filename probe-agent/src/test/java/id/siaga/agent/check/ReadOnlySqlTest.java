package id.siaga.agent.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
