package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads timelines, their keys and the attribute names their events use. */
final class StoredTimelines {

    private static final Sql EVENTS = new Sql("""
            SELECT ts, seq, received, id, data FROM events WHERE timeline = :timeline ORDER BY ts, seq
            """);
    private static final Sql KEYS = new Sql("""
            SELECT timeline FROM timelines
            WHERE timeline >= :lower AND timeline < :upper
            ORDER BY timeline
            LIMIT :limit
            """);
    /**
     * The distinct names after a bound, one index probe each (a loose index scan), rather than a scan over
     * every timeline's names; the recursion stops when the page is full.
     */
    private static final Sql NAMES = new Sql("""
            WITH RECURSIVE names(name) AS (
                (SELECT name FROM attribute_names WHERE name >= :lower ORDER BY name LIMIT 1)
                UNION ALL
                SELECT (SELECT a.name FROM attribute_names a WHERE a.name > n.name ORDER BY a.name LIMIT 1)
                FROM names n
                WHERE n.name IS NOT NULL
            )
            SELECT name FROM names WHERE name IS NOT NULL LIMIT :limit
            """);

    /**
     * Through the index by seq that the stream's history keeps, or after a sort, as the planner finds cheaper
     * (docs/operations.md, Backup by export).
     */
    private static final Sql ALL_IN_SEQ_ORDER = new Sql("""
            SELECT timeline, ts, seq, received, id, data FROM events ORDER BY seq
            """);
    private static final Sql TIMELINE_IN_SEQ_ORDER = new Sql("""
            SELECT timeline, ts, seq, received, id, data FROM events WHERE timeline = :timeline ORDER BY seq
            """);
    private static final Sql LAST_EVENT_BEFORE = new Sql("""
            SELECT timeline FROM events GROUP BY timeline HAVING max(ts) < :moment
            """);

    private StoredTimelines() {
    }

    static Optional<Timeline> timeline(Connection connection, TimelineKey key) throws SQLException {
        List<Event> events = EVENTS.list(connection, Sql.with("timeline", key.value()), StoredTimelines::event);
        return events.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, events));
    }

    /** The event of a row with the columns ts, seq, received, id and data. */
    static Event event(ResultSet result) throws SQLException {
        return new Event(new Timestamp(result.getLong("ts")), result.getLong("seq"),
                new Timestamp(result.getLong("received")), Optional.ofNullable(result.getString("id")).map(EventId::new),
                JsonText.readObject(result.getString("data")));
    }

    /** Streams the rows from the server a batch at a time ({@link Sql#forEach}), handing each event over as read. */
    static void inSeqOrder(Connection connection, Optional<TimelineKey> timeline, Consumer<TimelineEvent> event)
            throws SQLException {
        Sql.RowAction row = result -> event.accept(new TimelineEvent(new TimelineKey(result.getString("timeline")),
                event(result)));
        if (timeline.isPresent()) {
            TIMELINE_IN_SEQ_ORDER.forEach(connection, Sql.with("timeline", timeline.get().value()), row);
        } else {
            ALL_IN_SEQ_ORDER.forEach(connection, new Sql.Params(), row);
        }
    }

    static List<TimelineKey> lastEventBefore(Connection connection, Timestamp moment) throws SQLException {
        return LAST_EVENT_BEFORE.list(connection, Sql.with("moment", moment.micros()),
                result -> new TimelineKey(result.getString(1)));
    }

    static List<TimelineKey> keys(Connection connection, KeyRange range) throws SQLException {
        KeyBounds bounds = KeyBounds.of(range);
        return KEYS.list(connection, Sql.with("lower", bounds.lower()).with("upper", bounds.upper())
                .with("limit", range.limit()), result -> new TimelineKey(result.getString(1)));
    }

    /** Names after {@code after}: from the least string greater than it, which is it and U+0001 (see KeyBounds). */
    static List<String> attributeNames(Connection connection, Optional<String> after, int limit) throws SQLException {
        return NAMES.list(connection, Sql.with("lower", after.map(name -> name + '\u0001').orElse(""))
                .with("limit", limit), result -> result.getString(1));
    }
}
