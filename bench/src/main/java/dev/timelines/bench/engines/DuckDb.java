package dev.timelines.bench.engines;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB, in-memory in this JVM with default settings, the peer a user would reach for: it loads the NDJSON with
 * {@code read_json} and answers in SQL ({@link SqlPeer}).
 */
public final class DuckDb extends SqlPeer {

    public DuckDb(Mode mode) {
        super(mode, PeerSql.Dialect.DUCKDB, "read_json load");
    }

    /** The version of the embedded DuckDB, for the report. */
    public static String version() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1);
        }
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /**
     * {@code row_number() OVER ()} over a single-table scan keeps the file's row order (DuckDB's documented order
     * preservation), so seq is the line number. Timestamps are read as exact decimals.
     */
    @Override
    void loadEvents(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE events AS
                    SELECT row_number() OVER () AS seq, timeline,
                           CAST(CAST("timestamp" AS DECIMAL(38, 6)) * 1000000 AS BIGINT) AS ts, data
                    FROM read_json('%s', format = 'newline_delimited',
                                   columns = {timeline: 'VARCHAR', "timestamp": 'DECIMAL(18,6)', data: 'JSON'})
                    """.formatted(file.toString().replace("'", "''")));
        }
    }
}
