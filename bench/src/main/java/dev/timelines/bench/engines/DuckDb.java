package dev.timelines.bench.engines;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Span;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * DuckDB, in-memory in this JVM, the peer a user would reach for: it loads the same NDJSON with {@code read_json}
 * and answers in SQL ({@link DuckDbSql}), either computing the transitions on the fly with window functions for
 * every question, or from a transitions table built once after the load (its build counts as part of the load).
 */
public final class DuckDb implements Engine {

    /** Whether the transitions are derived per question or materialised at load. */
    public enum Mode {
        ON_THE_FLY, PRECOMPUTED
    }

    private final Mode mode;
    private Connection connection;

    public DuckDb(Mode mode) {
        this.mode = mode;
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
    public void load(Dataset dataset, Figures.Recorder figures) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute(DuckDbSql.loadEvents(dataset.file().toAbsolutePath().toString()));
            long loaded = System.nanoTime();
            figures.duration("read_json load", loaded - started);
            if (mode == Mode.ON_THE_FLY) {
                statement.execute(DuckDbSql.VIEW);
                return;
            }
            for (String step : DuckDbSql.PRECOMPUTE) {
                statement.execute(step);
            }
            long built = System.nanoTime();
            figures.duration("transitions table build", built - loaded);
            figures.duration("load including transitions table", built - started);
        }
    }

    @Override
    public Answer changes(String key) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(DuckDbSql.CHANGES, key)) {
            while (rows.next()) {
                answer.point(rows.getLong(1), rows.getString(2));
            }
        }
        return answer.build();
    }

    @Override
    public Answer transitions(String from, String to, Span window) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(DuckDbSql.TRANSITIONS_BETWEEN, from, to, window.sinceMicros(),
                window.untilMicros())) {
            while (rows.next()) {
                answer.transition(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getLong(5));
            }
        }
        return answer.build();
    }

    @Override
    public Answer next(String value, Span window) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        long entries = 0;
        long none = 0;
        try (ResultSet rows = query(DuckDbSql.NEXT, value, window.sinceMicros(), window.untilMicros())) {
            while (rows.next()) {
                entries += rows.getLong(2);
                if (rows.getString(1) == null) {
                    none += rows.getLong(2);
                } else {
                    answer.next(rows.getString(1), rows.getLong(2), rows.getLong(3));
                }
            }
        }
        return answer.entries(entries).none(none).build();
    }

    @Override
    public Answer processMap(Span window) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        try (ResultSet rows = query(DuckDbSql.PROCESS_MAP, window.sinceMicros(), window.untilMicros())) {
            while (rows.next()) {
                if (rows.getBoolean(1)) {
                    answer.entry(rows.getString(3), rows.getLong(4));
                } else {
                    answer.pair(rows.getString(2), rows.getString(3), rows.getLong(4), rows.getLong(5));
                }
            }
        }
        return answer.build();
    }

    @Override
    public Answer statesAt(long atMicros) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        long timelines = 0;
        try (ResultSet rows = query(DuckDbSql.STATES_AT, atMicros, atMicros)) {
            while (rows.next()) {
                answer.state(rows.getString(1), rows.getLong(2));
                timelines += rows.getLong(2);
            }
        }
        return answer.timelines(timelines).build();
    }

    @Override
    public Answer inStateAt(String value, long atMicros) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(DuckDbSql.IN_STATE_AT, value, atMicros, atMicros)) {
            while (rows.next()) {
                answer.timeline(rows.getString(1));
            }
        }
        return answer.build();
    }

    @Override
    public Answer timeInStates(Span window) throws SQLException {
        Instant clock = Instant.now();
        long now = clock.getEpochSecond() * 1_000_000L + clock.getNano() / 1_000;
        Answer.Builder answer = Answer.anyOrder();
        try (ResultSet rows = query(DuckDbSql.TIME_IN_STATE, window.sinceMicros(), now, window.untilMicros(),
                window.untilMicros(), window.sinceMicros())) {
            while (rows.next()) {
                answer.timeIn(rows.getString(1), rows.getLong(2), rows.getLong(3));
            }
        }
        return answer.build();
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    /** Runs a question; closing the result set closes its statement. */
    private ResultSet query(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
