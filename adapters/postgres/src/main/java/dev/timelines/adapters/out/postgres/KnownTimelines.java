package dev.timelines.adapters.out.postgres;

import dev.timelines.domain.Event;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every timeline as known at a moment, from its events received by then (all events without one), read in
 * timeline order and handed over one timeline at a time. The questions the change points cannot answer go
 * through here: the store as known at a moment, and the conditions on other attributes. Their cost grows with the
 * store.
 */
final class KnownTimelines {

    private static final Sql EVENTS = new Sql("""
            SELECT timeline, ts, seq, received, id, data FROM events
            WHERE received <= :asOf
            ORDER BY timeline, ts, seq
            """);
    private static final Sql KEYS = new Sql("""
            SELECT DISTINCT timeline FROM events
            WHERE received <= :asOf AND timeline >= :lower AND timeline < :upper
            ORDER BY timeline
            LIMIT :limit
            """);

    private KnownTimelines() {
    }

    static void forEach(Connection connection, Optional<Timestamp> asOf, Consumer<Timeline> timeline)
            throws SQLException {
        Grouped grouped = new Grouped(timeline);
        EVENTS.forEach(connection, Sql.with("asOf", asOf.map(Timestamp::micros).orElse(Long.MAX_VALUE)),
                grouped::add);
        grouped.handOver();
    }

    static List<TimelineKey> keys(Connection connection, KeyBounds bounds, int limit, Timestamp asOf)
            throws SQLException {
        return KEYS.list(connection, Sql.with("asOf", asOf.micros()).with("lower", bounds.lower())
                .with("upper", bounds.upper()).with("limit", limit), result -> new TimelineKey(result.getString(1)));
    }

    /** Collects the events of a timeline until the next timeline's come, then hands the timeline over. */
    private static final class Grouped {
        private final Consumer<Timeline> timeline;
        private String key;
        private List<Event> events = new ArrayList<>();

        Grouped(Consumer<Timeline> timeline) {
            this.timeline = timeline;
        }

        void add(ResultSet result) throws SQLException {
            String next = result.getString("timeline");
            if (!next.equals(key)) {
                handOver();
                key = next;
            }
            events.add(StoredTimelines.event(result));
        }

        void handOver() {
            if (!events.isEmpty()) {
                timeline.accept(new Timeline(new TimelineKey(key), events));
                events = new ArrayList<>();
            }
        }
    }
}
