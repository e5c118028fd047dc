package dev.timelines.bench.engines;

import dev.timelines.adapters.out.postgres.PostgresEventStore;
import dev.timelines.bench.measure.Figures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The PostgreSQL storage adapter under the use cases, in a database of its own on the run's server, through a
 * connection pool as the service has one. Its footprint is the database's size on disk, indexes included.
 */
public final class PostgresStorage implements TimelinesInProcess.Storage {

    /** The service's default {@code timelines.index.max-attributes}. */
    private static final int MAX_INDEXED_ATTRIBUTES = 16;

    private final PostgresServer server;
    private DataSource database;

    public PostgresStorage(PostgresServer server) {
        this.server = server;
    }

    @Override
    public TimelinesInProcess.Ports open() {
        database = server.newDatabase();
        PostgresEventStore store = PostgresEventStore.open(database, MAX_INDEXED_ATTRIBUTES);
        return new TimelinesInProcess.Ports(store, store, store, store);
    }

    @Override
    public void footprint(Figures.Recorder figures, long events) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            figures.bytes("database on disk", size.getLong(1));
            figures.bytesPerEvent("database on disk per event", size.getLong(1), events);
        }
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            PostgresServer.discard(database);
        }
    }
}
