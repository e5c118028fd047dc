package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.application.question.DurationSamples;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The fast paths of the questions about transitions, each one SQL statement over the change points of one
 * attribute that its partial answer selects (see {@link SelectionSql}): a change point is the transition into
 * its value from {@code prev_value} (an entry when that is null), and knows the value after it. SQL groups and
 * counts; durations come back whole, one array per group, for the partial's statistics: the nearest-rank rule
 * lives only in {@link dev.timelines.domain.DurationStatistics}.
 */
final class TransitionQuestions {

    /** Resumes after a position in the list's order (at, timeline key, seq); the start is before every row. */
    private static final SelectionSql LIST = new SelectionSql("""
            SELECT timeline, ts, seq, %s AS prev_value, %s AS value, ts - prev_ts AS duration
            FROM change_points
            WHERE %%s
              AND (ts, timeline, seq) > (:afterAt, :afterTimeline, :afterSeq)
              AND (:entries OR prev_value IS NOT NULL)
            ORDER BY ts, timeline, seq
            LIMIT :limit
            """.formatted(ValueSql.firstWritten("prev_value"), ValueSql.firstWritten("value")));

    /** Per (from, to) pair, or per value entered where there is no from: the transitions and their durations. */
    private static final SelectionSql SUMMARY = new SelectionSql("""
            SELECT %s AS from_value, %s AS to_value, count(*) AS transitions, count(DISTINCT timeline) AS timelines,
                   array_agg(ts - prev_ts) FILTER (WHERE prev_value IS NOT NULL) AS durations
            FROM change_points
            WHERE %%s
            GROUP BY prev_value, value
            """.formatted(ValueSql.firstWritten("prev_value"), ValueSql.firstWritten("value")));

    private static final SelectionSql NEXT = adjacent("next_value", "next_ts - ts");
    private static final SelectionSql PREVIOUS = adjacent("prev_value", "ts - prev_ts");

    private TransitionQuestions() {
    }

    /**
     * Rule: {@link dev.timelines.domain.Stay#transition} of the stays entered in the window, one page in
     * {@link TransitionPosition} order after the run's position. Checked by CrossTimelineQueriesContract.
     */
    static void transitions(Connection connection, int attribute, TransitionRun partial) throws SQLException {
        TransitionPosition start = partial.after()
                .orElse(new TransitionPosition(Long.MIN_VALUE, "", Long.MIN_VALUE));
        Sql.Params params = SelectionSql.params(attribute, partial.selection()).with("entries", partial.entries())
                .with("afterAt", start.atMicros()).with("afterTimeline", start.timeline())
                .with("afterSeq", start.seq()).with("limit", partial.limit());
        partial.addSorted(LIST.of(partial.selection()).list(connection, params, TransitionQuestions::transition));
    }

    /**
     * Rule: the process map's pairs (their durations, {@link dev.timelines.domain.Stay#transition}, and distinct
     * timelines) and its entries per value. Checked by CrossTimelineQueriesContract.
     */
    static void processMap(Connection connection, int attribute, PartialProcessMap partial) throws SQLException {
        SUMMARY.of(partial.selection()).forEach(connection, SelectionSql.params(attribute, partial.selection()),
                result -> {
                    JsonValue to = json(result, "to_value").orElseThrow();
                    Optional<JsonValue> from = json(result, "from_value");
                    if (from.isPresent()) {
                        partial.addPair(new PartialProcessMap.Pair(from.get(), to), durations(result),
                                result.getLong("timelines"));
                    } else {
                        partial.addEntries(to, result.getLong("transitions"));
                    }
                });
    }

    /**
     * Rule: next or previous, the neighbour of each entry into the value ({@link dev.timelines.domain.Stay#next},
     * {@link dev.timelines.domain.Stay#previous}) and the time spent in between. Checked by
     * CrossTimelineQueriesContract.
     */
    static void adjacent(Connection connection, int attribute, PartialAdjacentValues partial) throws SQLException {
        SelectionSql question = partial.direction() == PartialAdjacentValues.Direction.NEXT ? NEXT : PREVIOUS;
        question.of(partial.selection()).forEach(connection, SelectionSql.params(attribute, partial.selection()),
                result -> {
                    long entries = result.getLong("entries");
                    Optional<JsonValue> neighbour = json(result, "neighbour");
                    partial.addEntries(entries, neighbour.isEmpty() ? entries : 0);
                    if (neighbour.isPresent()) {
                        partial.addNeighbour(neighbour.get(), durations(result));
                    }
                });
    }

    /**
     * The entries into a value (its change points in the window) grouped by a neighbouring value, with the time
     * spent in the value left or entered; a null neighbour is the "none" of docs/semantics.md.
     */
    private static SelectionSql adjacent(String neighbour, String duration) {
        return new SelectionSql("""
                SELECT %s AS neighbour, count(*) AS entries,
                       array_agg(duration) FILTER (WHERE duration IS NOT NULL) AS durations
                FROM (
                    SELECT %s AS neighbour, %s AS duration
                    FROM change_points
                    WHERE %%s
                ) entries
                GROUP BY neighbour
                """.formatted(ValueSql.firstWritten("neighbour"), neighbour, duration));
    }

    private static Transition transition(ResultSet result) throws SQLException {
        return new Transition(new TimelineKey(result.getString("timeline")), new Timestamp(result.getLong("ts")),
                result.getLong("seq"), json(result, "prev_value"), json(result, "value").orElseThrow(),
                result.getLong("duration"));
    }

    /** The group's durations as the partial answers keep them: whole. */
    private static DurationSamples durations(ResultSet result) throws SQLException {
        Array array = result.getArray("durations");
        try {
            Long[] durations = (Long[]) array.getArray();
            long[] micros = new long[durations.length];
            for (int i = 0; i < durations.length; i++) {
                micros[i] = durations[i];
            }
            return DurationSamples.of(micros, micros.length);
        } finally {
            array.free();
        }
    }

    private static Optional<JsonValue> json(ResultSet result, String column) throws SQLException {
        return Optional.ofNullable(result.getString(column)).map(JsonText::read);
    }
}
