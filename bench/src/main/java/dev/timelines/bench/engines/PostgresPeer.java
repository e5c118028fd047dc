package dev.timelines.bench.engines;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * PostgreSQL, the peer a user with a database server would reach for: it streams the NDJSON lines into a jsonb
 * column with {@code COPY}, extracts the events table from them in SQL, and answers in SQL ({@link SqlPeer}).
 */
public final class PostgresPeer extends SqlPeer {

    /**
     * Each line is one CSV field: quote and delimiter are control characters, which JSON text never holds
     * unescaped, so no character of a line is taken for syntax. The identity numbers lines in input order.
     */
    private static final String COPY_LINES =
            "COPY arrivals (line) FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')";
    /** Keys sort in code point order (docs/semantics.md) whatever the server's locale: the collation is "C". */
    private static final String EVENTS = """
            CREATE TABLE events AS
            SELECT seq, line->>'timeline' COLLATE "C" AS timeline,
                   CAST(CAST(line->>'timestamp' AS numeric) * 1000000 AS bigint) AS ts, line->'data' AS data
            FROM arrivals
            """;

    private final PostgresServer server;
    private DataSource database;

    public PostgresPeer(Mode mode, PostgresServer server) {
        super(mode, PeerSql.Dialect.POSTGRESQL, "COPY load");
        this.server = server;
    }

    @Override
    Connection connect() throws SQLException {
        database = server.newDatabase();
        return database.getConnection();
    }

    /**
     * In one transaction, so that with {@code wal_level=minimal} the new tables skip the WAL; analysed after,
     * as autovacuum would, so that the planner knows the table's size.
     */
    @Override
    void loadEvents(Connection connection, Path file) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement(); InputStream lines = Files.newInputStream(file)) {
            statement.execute("CREATE TABLE arrivals (seq bigint GENERATED ALWAYS AS IDENTITY, line jsonb)");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_LINES, lines);
            statement.execute(EVENTS);
            statement.execute("DROP TABLE arrivals");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("ANALYZE events");
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (database != null) {
            PostgresServer.discard(database);
        }
    }
}
