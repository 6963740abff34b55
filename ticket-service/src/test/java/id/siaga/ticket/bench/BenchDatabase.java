package id.siaga.ticket.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** A benchmark's throw-away PostgreSQL with an empty {@code siaga} database, and the service's settings for it. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /** @return a started PostgreSQL holding an empty database {@code siaga} */
    static EmbeddedPostgres start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database siaga");
        }
        return postgres;
    }

    /** @return the environment of a service on that database (admin password {@code bench-admin}), plus {@code more} */
    static Map<String, String> serviceEnvironment(EmbeddedPostgres postgres, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "siaga"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "SIAGA_ADMIN_PASSWORD", "bench-admin"));
        env.putAll(more);
        return env;
    }
}
