package dev.timelines.adapters.out.postgres;

import java.sql.SQLException;

/** PostgreSQL failed in a way the request cannot be blamed for; the service answers 500 and logs it. */
final class PostgresFailureException extends RuntimeException {

    PostgresFailureException(SQLException cause) {
        super("PostgreSQL failed: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }
}
