package dev.timelines.adapters.out.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code :name}), run over JDBC, which knows only positional
 * {@code ?}: the SQL reads as what it means even where a value is used twice. A cast ({@code ::jsonb}) is not a
 * parameter. Values are Long, Integer, Boolean, String, and arrays of String, Long or Integer.
 */
final class Sql {

    /** Rows {@link #forEach} reads from the server at a time: a few hundred kilobytes of change points. */
    private static final int FETCH_SIZE = 1_000;

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    /** Maps the current row of a result to a value. */
    interface Row<T> {
        T map(ResultSet result) throws SQLException;
    }

    /** Takes the current row of a result. */
    interface RowAction {
        void take(ResultSet result) throws SQLException;
    }

    private final String jdbc;
    private final List<String> names = new ArrayList<>();

    Sql(String text) {
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        this.jdbc = positional.toString();
    }

    /** Named values for a statement. */
    static final class Params {
        private final Map<String, Object> values = new HashMap<>();

        Params with(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    static Params with(String name, Object value) {
        return new Params().with(name, value);
    }

    <T> List<T> list(Connection connection, Params params, Row<T> row) throws SQLException {
        try (PreparedStatement statement = prepare(connection, params); ResultSet result = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(row.map(result));
            }
            return rows;
        }
    }

    <T> Optional<T> first(Connection connection, Params params, Row<T> row) throws SQLException {
        try (PreparedStatement statement = prepare(connection, params); ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(row.map(result)) : Optional.empty();
        }
    }

    /**
     * Hands the rows to the action as they come, a batch at a time from the server, so that a result larger than
     * memory can be read (the server streams only inside a transaction: autocommit off).
     */
    void forEach(Connection connection, Params params, RowAction action) throws SQLException {
        try (PreparedStatement statement = prepare(connection, params)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    action.take(result);
                }
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    int update(Connection connection, Params params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, params)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(Connection connection, Params params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        try {
            for (int i = 0; i < names.size(); i++) {
                if (!params.values.containsKey(names.get(i))) {
                    throw new IllegalArgumentException("no value for :" + names.get(i) + " in " + jdbc);
                }
                statement.setObject(i + 1, jdbcValue(connection, params.values.get(names.get(i))));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Object jdbcValue(Connection connection, Object value) throws SQLException {
        if (value instanceof String[] texts) {
            return array(connection, "text", texts);
        }
        if (value instanceof Long[] numbers) {
            return array(connection, "bigint", numbers);
        }
        if (value instanceof Integer[] numbers) {
            return array(connection, "integer", numbers);
        }
        return value;
    }

    private static Array array(Connection connection, String type, Object[] elements) throws SQLException {
        return connection.createArrayOf(type, elements);
    }
}
