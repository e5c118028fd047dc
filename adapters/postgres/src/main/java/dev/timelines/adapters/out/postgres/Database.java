package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.InvalidValueException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs work in transactions on the data source's connections, and turns SQL failures into what the
 * application understands: data PostgreSQL cannot hold is an invalid request, a server that cannot be reached
 * is unavailable storage, anything else a failure of the service.
 */
final class Database {

    /** Work done with one connection inside one transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource source;

    Database(DataSource source) {
        this.source = source;
    }

    /** Where connections come from, for one held apart from any transaction (DurableSignal). */
    DataSource source() {
        return source;
    }

    /** Commits the work's changes together, or none of them. Read committed: writers lock what they change. */
    <T> T write(Work<T> work) {
        return inTransaction(work, null);
    }

    /** Every statement of the work reads the same snapshot, so an answer never mixes two states of the store. */
    <T> T read(Work<T> work) {
        return inTransaction(work, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    /** Whether a connection can be had and answers. */
    boolean reachable() {
        try (Connection connection = source.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private <T> T inTransaction(Work<T> work, String characteristics) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                if (characteristics != null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(characteristics);
                    }
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A pool that cannot hand out a connection (none free in time, server down) means unavailable storage. */
    private Connection connect() {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw new StorageUnavailableException("no connection to PostgreSQL: " + firstLine(e), e);
        }
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22")) {
            // data exception: a \u0000 in a string, a number beyond PostgreSQL's numeric range
            return new InvalidValueException("PostgreSQL cannot hold a value of this request: " + firstLine(e));
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            // connection failure, insufficient resources (disk full, too many connections), server shutting down
            return new StorageUnavailableException("PostgreSQL is unavailable: " + firstLine(e), e);
        }
        return new PostgresFailureException(e);
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replaceFirst("^ERROR: ", "");
    }
}
