package dev.timelines.bench.engines;

import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Span;
import dev.timelines.bench.workload.Dataset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A peer that answers in SQL over one connection ({@link PeerSql}), computing the transitions on the fly with
 * window functions for every question, or from a transitions table built once after the load (its build counts
 * as part of the load). The databases differ only in how they connect and bulk-load the NDJSON. The question as
 * known at a moment reads the events up to the row that moment had, in either mode: a table built after the load
 * knows only the end.
 */
public abstract sealed class SqlPeer implements Engine permits DuckDb, PostgresPeer {

    /** Whether the transitions are derived per question or materialised at load. */
    public enum Mode {
        ON_THE_FLY, PRECOMPUTED
    }

    private final Mode mode;
    private final PeerSql sql;
    private final String loadFigure;
    private Connection connection;
    private long asOfRows;

    SqlPeer(Mode mode, PeerSql.Dialect dialect, String loadFigure) {
        this.mode = mode;
        this.sql = new PeerSql(dialect);
        this.loadFigure = loadFigure;
    }

    /** A connection to an empty database of this peer's own. */
    abstract Connection connect() throws SQLException;

    /** Fills {@code events(seq, timeline, ts, data)} from the file, seq being the line number. */
    abstract void loadEvents(Connection connection, Path file) throws Exception;

    @Override
    public final void load(Dataset dataset, long asOfRows, Figures.Recorder figures) throws Exception {
        this.asOfRows = asOfRows;
        connection = connect();
        long started = System.nanoTime();
        loadEvents(connection, dataset.file().toAbsolutePath());
        long loaded = System.nanoTime();
        figures.duration(loadFigure, loaded - started);
        try (Statement statement = connection.createStatement()) {
            if (mode == Mode.ON_THE_FLY) {
                for (String view : sql.views()) {
                    statement.execute(view);
                }
                return;
            }
            for (String step : sql.precompute()) {
                statement.execute(step);
            }
        }
        long built = System.nanoTime();
        figures.duration("transitions and marks tables build", built - loaded);
        figures.duration("load including the tables", built - started);
    }

    @Override
    public Answer changes(String key) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(sql.changes(), key)) {
            while (rows.next()) {
                answer.point(rows.getLong(1), rows.getString(2));
            }
        }
        return answer.build();
    }

    @Override
    public Answer transitions(String from, String to, Span window) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(sql.transitionsBetween(), from, to, window.sinceMicros(), window.untilMicros())) {
            while (rows.next()) {
                answer.transition(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getLong(5));
            }
        }
        return answer.build();
    }

    @Override
    public Answer next(String value, Span window) throws SQLException {
        return next(query(sql.next(), value, window.sinceMicros(), window.untilMicros()));
    }

    /** Rows of (next value or NULL for none, count, median). */
    private static Answer next(ResultSet result) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        long entries = 0;
        long none = 0;
        try (ResultSet rows = result) {
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
        try (ResultSet rows = query(sql.processMap(), window.sinceMicros(), window.untilMicros())) {
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
        return states(query(sql.statesAt(), atMicros, atMicros));
    }

    /** Rows of (value, count). */
    private static Answer states(ResultSet result) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        long timelines = 0;
        try (ResultSet rows = result) {
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
        try (ResultSet rows = query(sql.inStateAt(), value, atMicros, atMicros)) {
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
        try (ResultSet rows = query(sql.timeInState(), window.sinceMicros(), now, window.untilMicros(),
                window.untilMicros(), window.sinceMicros())) {
            while (rows.next()) {
                answer.timeIn(rows.getString(1), rows.getLong(2), rows.getLong(3));
            }
        }
        return answer.build();
    }

    @Override
    public Answer stuck(String value, long longerThanMicros, long atMicros) throws SQLException {
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(sql.stuck(), atMicros, value, atMicros, atMicros, atMicros, longerThanMicros)) {
            while (rows.next()) {
                answer.stuck(rows.getString(1), rows.getLong(2), rows.getLong(3));
            }
        }
        return answer.build();
    }

    @Override
    public Answer ages(long atMicros) throws SQLException {
        Answer.Builder answer = Answer.anyOrder();
        long timelines = 0;
        try (ResultSet rows = query(sql.ages(), atMicros, atMicros, atMicros)) {
            while (rows.next()) {
                answer.age(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getLong(6), rows.getLong(7));
                timelines += rows.getLong(2);
            }
        }
        return answer.timelines(timelines).build();
    }

    @Override
    public Answer nextWhere(String value, Span window, String attribute, String condition) throws SQLException {
        if (!attribute.equals(PeerSql.CONDITION)) {
            throw new IllegalArgumentException("the peers derive the marks of " + PeerSql.CONDITION + " only");
        }
        return next(query(sql.nextWhere(), value, window.sinceMicros(), window.untilMicros(), condition));
    }

    @Override
    public Answer funnel(List<String> steps, long withinMicros, Span window) throws SQLException {
        if (steps.size() != 3 || steps.stream().distinct().count() != 3) {
            throw new IllegalArgumentException("the peers' funnel has three different steps, not " + steps);
        }
        Answer.Builder answer = Answer.inOrder();
        try (ResultSet rows = query(sql.funnel(), steps.get(0), steps.get(1), steps.get(2), window.sinceMicros(),
                window.untilMicros(), steps.get(1), steps.get(2), withinMicros, withinMicros, steps.get(0))) {
            rows.next();
            answer.step(1, steps.get(0), rows.getLong(1), Optional.empty());
            answer.step(2, steps.get(1), rows.getLong(2), median(rows, 3));
            answer.step(3, steps.get(2), rows.getLong(4), median(rows, 5));
        }
        return answer.build();
    }

    @Override
    public Answer statesAsOf(long atMicros) throws SQLException {
        return states(query(sql.statesAsOf(), asOfRows, atMicros));
    }

    /** A median that is NULL when no duration was there to take it of. */
    private static Optional<Long> median(ResultSet rows, int column) throws SQLException {
        long median = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(median);
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    /** Runs a question; closing the result set closes its statement. */
    private ResultSet query(String statementText, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(statementText);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
    }
}
