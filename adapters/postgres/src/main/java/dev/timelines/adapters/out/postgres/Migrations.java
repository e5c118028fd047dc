package dev.timelines.adapters.out.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Brings the schema to the latest version at start: the versioned scripts under {@code migrations/}, each
 * applied once, in order, in its own transaction, and recorded in {@code schema_migrations}. A session advisory
 * lock lets several service instances start at once; the one that waits finds the work done. A small class
 * instead of a migration framework: the adapter opens its schema the same way in the service, its tests and
 * the benchmarks, and a datasource is touched only when PostgreSQL storage is chosen.
 */
final class Migrations {

    /** The scripts in version order: version n is the n-th. Never edit one that was released; add the next. */
    private static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__history.sql");

    /** Any constant works; it only has to be the same for every instance of this service. */
    private static final long LOCK = 0x54696d656c696e65L;

    private Migrations() {
    }

    /** Applies the scripts the database has not seen; returns the versions applied now. */
    static List<Integer> apply(DataSource source) throws SQLException {
        try (Connection connection = source.getConnection()) {
            requireUtf8(connection);
            execute(connection, "SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                execute(connection, """
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                            version    integer PRIMARY KEY,
                            script     text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now()
                        )""");
                int current = currentVersion(connection);
                for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                    applyScript(connection, version, SCRIPTS.get(version - 1));
                }
                return IntStream.rangeClosed(current + 1, SCRIPTS.size()).boxed().toList();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }

    /** Key order (code point order) rests on comparing UTF-8 bytes; other encodings cannot hold every key. */
    private static void requireUtf8(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_encoding")) {
            result.next();
            if (!result.getString(1).equals("UTF8")) {
                throw new IllegalStateException("the PostgreSQL database must use the UTF8 encoding, not "
                        + result.getString(1) + " (CREATE DATABASE ... ENCODING 'UTF8')");
            }
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            result.next();
            int version = result.getInt(1);
            if (version > SCRIPTS.size()) {
                throw new IllegalStateException("the database schema is at version " + version
                        + ", newer than this service knows (" + SCRIPTS.size() + "): run a newer service");
            }
            return version;
        }
    }

    private static void applyScript(Connection connection, int version, String script) throws SQLException {
        connection.setAutoCommit(false);
        try {
            execute(connection, read(script));
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_migrations (version, script) VALUES (?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + script + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
