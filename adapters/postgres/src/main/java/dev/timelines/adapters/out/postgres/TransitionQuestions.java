package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions about transitions across timelines, each one SQL statement over the change points of one
 * attribute: a change point is the transition into its value from {@code prev_value} (an entry when that is
 * null), and knows the value after it. Counts, distinct timelines and duration statistics are aggregated in SQL.
 */
final class TransitionQuestions {

    /** A transition's filter on the value it left; an entry left none, so any such filter drops entries. */
    private static final String FROM_IS = "AND " + ValueSql.matches("prev_value", "prev_hash", "from");
    private static final String TO_IS = "AND " + ValueSql.matches("value", "value_hash", "to");

    /** Resumes after a position in the list's order (at, timeline key, seq); the start is before every row. */
    private static final String LIST = """
            SELECT timeline, ts, seq, prev_value, value, ts - prev_ts AS duration
            FROM change_points
            WHERE attribute_id = :attribute AND ts >= :since AND ts < :until
              AND (ts, timeline, seq) > (:afterAt, :afterTimeline, :afterSeq)
              AND (:entries OR prev_value IS NOT NULL)
              %s %s
            ORDER BY ts, timeline, seq
            LIMIT :limit
            """;

    private static final String SUMMARY = """
            SELECT %s AS from_value, %s AS to_value, timelines, %s
            FROM (
                SELECT prev_value, value, count(DISTINCT timeline) AS timelines, %s
                FROM (
                    SELECT prev_value, value, timeline, ts - prev_ts AS duration
                    FROM change_points
                    WHERE attribute_id = :attribute AND ts >= :since AND ts < :until
                      %%s %%s
                ) transitions
                GROUP BY prev_value, value
            ) pairs
            """.formatted(ValueSql.firstWritten("prev_value"), ValueSql.firstWritten("value"), DurationSql.FIGURES,
            DurationSql.AGGREGATES);

    /**
     * The entries into a value in the window (its change points there), grouped by a neighbouring change
     * point; a null neighbour is SPEC's "none".
     */
    private static final String ADJACENT = """
            SELECT %s AS neighbour, %s
            FROM (
                SELECT neighbour, %s
                FROM (
                    SELECT %%s AS neighbour, %%s AS duration
                    FROM change_points
                    WHERE attribute_id = :attribute AND %s AND ts >= :since AND ts < :until
                ) entries
                GROUP BY neighbour
            ) neighbours
            """.formatted(ValueSql.firstWritten("neighbour"), DurationSql.FIGURES, DurationSql.AGGREGATES,
            ValueSql.matches("value", "value_hash", "value"));

    private static final Sql NEXT = new Sql(ADJACENT.formatted("next_value", "next_ts - ts"));
    private static final Sql PREVIOUS = new Sql(ADJACENT.formatted("prev_value", "ts - prev_ts"));

    /** Every combination of the optional from and to filters, made once. */
    private static final Filtered LISTS = new Filtered(LIST);
    private static final Filtered SUMMARIES = new Filtered(SUMMARY);

    private TransitionQuestions() {
    }

    static List<Transition> transitions(Connection connection, int attribute, TransitionFilter filter,
            boolean entries, Optional<TransitionPosition> after, int limit) throws SQLException {
        TransitionPosition start = after.orElse(new TransitionPosition(Long.MIN_VALUE, "", Long.MIN_VALUE));
        Sql.Params params = filtered(filter, Sql.with("attribute", attribute).with("entries", entries)
                .with("afterAt", start.atMicros()).with("afterTimeline", start.timeline())
                .with("afterSeq", start.seq()).with("limit", limit));
        return LISTS.of(filter).list(connection, params, TransitionQuestions::transition);
    }

    static ProcessMap processMap(Connection connection, int attribute, TransitionFilter filter) throws SQLException {
        List<PairStatistics> pairs = new ArrayList<>();
        List<ValueCount> entries = new ArrayList<>();
        for (Pair pair : SUMMARIES.of(filter).list(connection, filtered(filter, Sql.with("attribute", attribute)),
                Pair::read)) {
            if (pair.from().isPresent()) {
                pairs.add(new PairStatistics(pair.from().get(), pair.to(), pair.timelines(), pair.duration()));
            } else {
                entries.add(new ValueCount(pair.to(), pair.duration().count()));
            }
        }
        return new ProcessMap(pairs, entries);
    }

    static AdjacentValues next(Connection connection, int attribute, JsonValue value, Window window)
            throws SQLException {
        return adjacent(NEXT, connection, attribute, value, window);
    }

    static AdjacentValues previous(Connection connection, int attribute, JsonValue value, Window window)
            throws SQLException {
        return adjacent(PREVIOUS, connection, attribute, value, window);
    }

    private static AdjacentValues adjacent(Sql question, Connection connection, int attribute, JsonValue value,
            Window window) throws SQLException {
        List<ValueDurations> neighbours = new ArrayList<>();
        long entries = 0;
        long none = 0;
        for (Neighbour neighbour : question.list(connection, Bounds.of(window).into(Sql.with("attribute", attribute)
                .with("value", JsonText.write(value))), Neighbour::read)) {
            entries += neighbour.duration().count();
            if (neighbour.value().isPresent()) {
                neighbours.add(new ValueDurations(neighbour.value().get(), neighbour.duration()));
            } else {
                none = neighbour.duration().count();
            }
        }
        return new AdjacentValues(value, entries, neighbours, none);
    }

    private static Sql.Params filtered(TransitionFilter filter, Sql.Params params) {
        filter.from().ifPresent(from -> params.with("from", JsonText.write(from)));
        filter.to().ifPresent(to -> params.with("to", JsonText.write(to)));
        return Bounds.of(filter.window()).into(params);
    }

    private static Transition transition(ResultSet result) throws SQLException {
        return new Transition(new TimelineKey(result.getString("timeline")), new Timestamp(result.getLong("ts")),
                result.getLong("seq"), json(result, "prev_value"), json(result, "value").orElseThrow(),
                result.getLong("duration"));
    }

    /** A row of the summary: a (from, to) pair, or the entries into {@code to} when there is no from. */
    private record Pair(Optional<JsonValue> from, JsonValue to, long timelines, DurationStatistics duration) {

        static Pair read(ResultSet result) throws SQLException {
            return new Pair(json(result, "from_value"), json(result, "to_value").orElseThrow(),
                    result.getLong("timelines"), DurationSql.read(result));
        }
    }

    /** A row of next or previous: a neighbouring value, or none, with the entries counted under it. */
    private record Neighbour(Optional<JsonValue> value, DurationStatistics duration) {

        static Neighbour read(ResultSet result) throws SQLException {
            return new Neighbour(json(result, "neighbour"), DurationSql.read(result));
        }
    }

    private static Optional<JsonValue> json(ResultSet result, String column) throws SQLException {
        return Optional.ofNullable(result.getString(column)).map(JsonText::read);
    }

    /** A statement in four forms: with or without each of the from and to filters. */
    private static final class Filtered {
        private final Sql[] forms = new Sql[4];

        Filtered(String template) {
            for (int form = 0; form < forms.length; form++) {
                forms[form] = new Sql(template.formatted((form & 1) != 0 ? FROM_IS : "", (form & 2) != 0 ? TO_IS : ""));
            }
        }

        Sql of(TransitionFilter filter) {
            return forms[(filter.from().isPresent() ? 1 : 0) | (filter.to().isPresent() ? 2 : 0)];
        }
    }
}
