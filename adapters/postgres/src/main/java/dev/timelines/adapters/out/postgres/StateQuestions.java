package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast paths of the questions about states, each one SQL statement over the change points of one attribute
 * that its partial answer selects (see {@link SelectionSql}), aggregated in SQL into the parts the partial
 * takes; and the value counts of the attribute catalogue.
 */
final class StateQuestions {

    /**
     * The searches by state: the timelines having a stay the key run selects, in code point order, one page.
     * A timeline can have several such stays in a window, hence DISTINCT.
     */
    private static final SelectionSql KEYS = new SelectionSql("""
            SELECT DISTINCT timeline FROM change_points
            WHERE %s AND timeline >= :lower AND timeline < :upper
            ORDER BY timeline
            LIMIT :limit
            """);

    /** States at T: the stays holding then, one per timeline, counted per value. */
    private static final SelectionSql STATES_AT = new SelectionSql("""
            SELECT %s AS shown, count(*) AS timelines
            FROM change_points
            WHERE %%s
            GROUP BY value
            """.formatted(ValueSql.firstWritten("value")));

    /**
     * Time in state: the SQL form of {@link dev.timelines.domain.Stay#microsIn} (docs/semantics.md, "States and
     * time in state"), each stay clipped to the window, one still held ending at the window's end or now,
     * whichever is earlier; summed per value with the timelines that spent a positive time in it. Sums are
     * numeric: they cannot overflow.
     */
    private static final SelectionSql TIME_IN_STATES = new SelectionSql("""
            SELECT %s AS shown, sum(spent) AS micros, count(DISTINCT timeline) AS timelines
            FROM (
                SELECT timeline, value, LEAST(COALESCE(next_ts, :now), :until) - GREATEST(ts, :since) AS spent
                FROM change_points
                WHERE %%s
            ) stays
            WHERE spent > 0
            GROUP BY value
            """.formatted(ValueSql.firstWritten("value")));

    /** One row per timeline and value, so the rows of a value are the timelines carrying it. */
    private static final Sql VALUES = new Sql("""
            SELECT %s AS shown, sum(events) AS events, count(*) AS timelines
            FROM attribute_values
            WHERE attribute_id = :attribute
            GROUP BY value
            """.formatted(ValueSql.firstWritten("value")));

    /** The first spelling of a value is its row with the lowest first_seq, as first_written picks it. */
    private static final Sql SPELLINGS = new Sql("""
            SELECT %s AS shown, min(first_seq) AS seq
            FROM attribute_values
            WHERE attribute_id = :attribute
            GROUP BY value
            """.formatted(ValueSql.firstWritten("value")));

    private StateQuestions() {
    }

    /**
     * Rule: the key run's selection, a state at a moment ({@link dev.timelines.domain.Stay#holdsAt}) or during a
     * window ({@link dev.timelines.domain.Stay#hasTimeIn}); one page of keys, sorted. Checked by
     * CrossTimelineQueriesContract.
     */
    static void keys(Connection connection, int attribute, KeyRun partial) throws SQLException {
        KeyBounds bounds = KeyBounds.of(partial.range());
        partial.addSorted(KEYS.of(partial.selection()).list(connection,
                SelectionSql.params(attribute, partial.selection()).with("lower", bounds.lower())
                        .with("upper", bounds.upper()).with("limit", partial.range().limit()),
                result -> new TimelineKey(result.getString("timeline"))));
    }

    /**
     * Rule: {@link dev.timelines.domain.Stay#holdsAt}, the holding stays counted per value. Checked by
     * CrossTimelineQueriesContract.
     */
    static void statesAt(Connection connection, int attribute, PartialStateCounts partial) throws SQLException {
        STATES_AT.of(partial.selection()).forEach(connection, SelectionSql.params(attribute, partial.selection()),
                result -> partial.add(shown(result), result.getLong("timelines")));
    }

    /**
     * Rule: {@link dev.timelines.domain.Stay#microsIn}, summed per value with the timelines that spent time in it.
     * Checked by CrossTimelineQueriesContract.
     */
    static void timeInStates(Connection connection, int attribute, PartialTimeInStates partial)
            throws SQLException {
        Sql.Params params = Bounds.of(partial.window()).into(SelectionSql.params(attribute, partial.selection()))
                .with("now", partial.now().micros());
        TIME_IN_STATES.of(partial.selection()).forEach(connection, params, result -> partial.add(shown(result),
                result.getBigDecimal("micros").toBigIntegerExact(), result.getLong("timelines")));
    }

    static List<ValueUsage> values(Connection connection, int attribute) throws SQLException {
        return VALUES.list(connection, Sql.with("attribute", attribute),
                result -> new ValueUsage(shown(result), result.getLong("events"), result.getLong("timelines")));
    }

    static Map<JsonValue, Spelling> spellings(Connection connection, int attribute) throws SQLException {
        Map<JsonValue, Spelling> spellings = new HashMap<>();
        SPELLINGS.forEach(connection, Sql.with("attribute", attribute), result -> {
            JsonValue shown = shown(result);
            spellings.put(shown, new Spelling(shown, result.getLong("seq")));
        });
        return spellings;
    }

    private static JsonValue shown(ResultSet result) throws SQLException {
        return JsonText.read(result.getString("shown"));
    }
}
