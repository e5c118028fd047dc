package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Questions about states across timelines, each one SQL statement over the change points of one attribute.
 * A change point's state holds from its {@code ts} until its {@code next_ts} (forever while that is null), so
 * "the state at T" is the change point with {@code ts <= T < next_ts}: of two change points at T, the first
 * ends where it starts and never holds, which is SPEC's "ties: highest seq".
 */
final class StateQuestions {

    private static final String VALUE_IS = ValueSql.matches("value", "value_hash", "value");

    private static final Sql IN_STATE = new Sql("""
            SELECT timeline FROM change_points
            WHERE attribute_id = :attribute AND %s
              AND ts <= :at AND (next_ts > :at OR next_ts IS NULL)
              AND timeline >= :lower AND timeline < :upper
            ORDER BY timeline
            LIMIT :limit
            """.formatted(VALUE_IS));

    /** The state's time inside the window is [max(ts, since), min(next_ts, until)): it must not be empty. */
    private static final Sql IN_STATE_DURING = new Sql("""
            SELECT DISTINCT timeline FROM change_points
            WHERE attribute_id = :attribute AND %s
              AND ts < :until AND :since < :until AND (next_ts IS NULL OR next_ts > GREATEST(ts, :since))
              AND timeline >= :lower AND timeline < :upper
            ORDER BY timeline
            LIMIT :limit
            """.formatted(VALUE_IS));

    private static final Sql STATES_AT = new Sql("""
            SELECT %s AS shown, count(*) AS timelines
            FROM change_points
            WHERE attribute_id = :attribute AND ts <= :at AND (next_ts > :at OR next_ts IS NULL)
            GROUP BY value
            """.formatted(ValueSql.firstWritten("value")));

    /**
     * Each state clipped to the window; the last one ends at the window's end or now, whichever is earlier.
     * Sums are numeric: they cannot overflow.
     */
    private static final Sql TIME_IN_STATES = new Sql("""
            SELECT %s AS shown, sum(spent) AS micros, count(DISTINCT timeline) AS timelines
            FROM (
                SELECT timeline, value, LEAST(COALESCE(next_ts, :now), :until) - GREATEST(ts, :since) AS spent
                FROM change_points
                WHERE attribute_id = :attribute AND ts < :until AND (next_ts > :since OR next_ts IS NULL)
            ) states
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

    private StateQuestions() {
    }

    static List<TimelineKey> inState(Connection connection, int attribute, JsonValue value, Timestamp at,
            KeyRange range) throws SQLException {
        return IN_STATE.list(connection, keys(range, Sql.with("attribute", attribute)
                .with("value", JsonText.write(value)).with("at", at.micros())), StateQuestions::key);
    }

    static List<TimelineKey> inStateDuring(Connection connection, int attribute, JsonValue value, Window window,
            KeyRange range) throws SQLException {
        return IN_STATE_DURING.list(connection, keys(range, Bounds.of(window).into(Sql.with("attribute", attribute)
                .with("value", JsonText.write(value)))), StateQuestions::key);
    }

    static StateCounts statesAt(Connection connection, int attribute, Timestamp at) throws SQLException {
        return new StateCounts(at, STATES_AT.list(connection, Sql.with("attribute", attribute).with("at", at.micros()),
                result -> new ValueCount(shown(result), result.getLong("timelines"))));
    }

    static List<TimeInState> timeInStates(Connection connection, int attribute, Window window, Timestamp now)
            throws SQLException {
        return TIME_IN_STATES.list(connection,
                Bounds.of(window).into(Sql.with("attribute", attribute).with("now", now.micros())),
                result -> new TimeInState(shown(result), result.getBigDecimal("micros").toBigIntegerExact(),
                        result.getLong("timelines")));
    }

    static List<ValueUsage> values(Connection connection, int attribute) throws SQLException {
        return VALUES.list(connection, Sql.with("attribute", attribute),
                result -> new ValueUsage(shown(result), result.getLong("events"), result.getLong("timelines")));
    }

    private static JsonValue shown(ResultSet result) throws SQLException {
        return JsonText.read(result.getString("shown"));
    }

    private static Sql.Params keys(KeyRange range, Sql.Params params) {
        KeyBounds bounds = KeyBounds.of(range);
        return params.with("lower", bounds.lower()).with("upper", bounds.upper()).with("limit", range.limit());
    }

    private static TimelineKey key(ResultSet result) throws SQLException {
        return new TimelineKey(result.getString(1));
    }
}
