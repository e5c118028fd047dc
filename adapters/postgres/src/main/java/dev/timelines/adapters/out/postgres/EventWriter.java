package dev.timelines.adapters.out.postgres;

import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores requests and forgets timelines, each in one transaction. Writers of a timeline are serialized by a
 * lock on its row in {@code timelines}, taken first, in key order (so two requests never wait on each other
 * in a circle): duplicate ids are then found before anything is written, and seqs are drawn after every
 * earlier writer of the timeline committed, so a timeline's new events always have its highest seqs.
 */
final class EventWriter {

    /**
     * Creates the rows of new timelines and locks every row; the no-op update is what takes the lock on rows
     * that exist. A row lock rather than an advisory lock: it holds on every node of a sharded cluster.
     */
    private static final Sql LOCK_TIMELINES = new Sql("""
            INSERT INTO timelines (timeline)
            SELECT key FROM unnest(:timelines::text[]) AS key ORDER BY key COLLATE "C"
            ON CONFLICT (timeline) DO UPDATE SET timeline = excluded.timeline
            """);
    private static final Sql KNOWN_IDS = new Sql("""
            SELECT e.timeline, e.id
            FROM events e
            JOIN unnest(:timelines::text[], :ids::text[]) AS sent(timeline, id)
              ON e.timeline = sent.timeline AND e.id = sent.id
            """);
    private static final Sql NEXT_SEQS = new Sql("SELECT nextval('event_seq') FROM generate_series(1, :count)");
    private static final Sql INSERT = new Sql("""
            WITH stored AS (
                INSERT INTO events (timeline, ts, seq, received, id, data)
                SELECT timeline, ts, seq, :received, id, data::jsonb
                FROM unnest(:timelines::text[], :ts::bigint[], :seqs::bigint[], :ids::text[], :data::text[])
                     AS sent(timeline, ts, seq, id, data)
                RETURNING timeline, data
            )
            INSERT INTO attribute_names (timeline, name)
            SELECT DISTINCT timeline, jsonb_object_keys(data) FROM stored
            ON CONFLICT DO NOTHING
            """);
    private static final Sql FORGET = new Sql("DELETE FROM timelines WHERE timeline = :timeline");
    /** The tables that hold a timeline's data: all are distributed by it (docs/scaling.md). */
    private static final List<Sql> FORGET_DATA = List.of("events", "attribute_names", "change_points",
            "attribute_values").stream().map(table -> new Sql("DELETE FROM " + table + " WHERE timeline = :timeline"))
            .toList();

    private record StoredId(String timeline, String id) {
    }

    private final Database database;

    EventWriter(Database database) {
        this.database = database;
    }

    IngestResult append(List<IncomingEvent> events, Timestamp received) {
        if (events.isEmpty()) {
            return IngestResult.NOTHING;
        }
        return database.write(connection -> {
            LOCK_TIMELINES.update(connection, Sql.with("timelines",
                    events.stream().map(event -> event.timeline().value()).distinct().toArray(String[]::new)));
            List<IncomingEvent> admitted = admit(events, knownIds(connection, events));
            if (!admitted.isEmpty()) {
                List<Long> seqs = NEXT_SEQS.list(connection, Sql.with("count", admitted.size()),
                        result -> result.getLong(1));
                // drawn in any order, given in the order of the request
                seqs.sort(null);
                insert(connection, admitted, seqs, received);
                ChangePoints.repair(connection, AttributeIndexes.all(connection), positions(admitted, seqs));
            }
            return new IngestResult(admitted.size(), events.size() - admitted.size());
        });
    }

    /** Removes the timeline's row and every row of its data; false when it had none. */
    boolean delete(TimelineKey key) {
        return database.write(connection -> {
            Sql.Params timeline = Sql.with("timeline", key.value());
            if (FORGET.update(connection, timeline) == 0) {
                return false;
            }
            for (Sql forget : FORGET_DATA) {
                forget.update(connection, timeline);
            }
            return true;
        });
    }

    private static Set<StoredId> knownIds(Connection connection, List<IncomingEvent> events) throws SQLException {
        List<IncomingEvent> withIds = events.stream().filter(event -> event.id().isPresent()).toList();
        if (withIds.isEmpty()) {
            return Set.of();
        }
        Sql.Params sent = Sql.with("timelines", withIds.stream().map(e -> e.timeline().value()).toArray(String[]::new))
                .with("ids", withIds.stream().map(e -> e.id().get().value()).toArray(String[]::new));
        return new HashSet<>(KNOWN_IDS.list(connection, sent,
                result -> new StoredId(result.getString(1), result.getString(2))));
    }

    /** The events to store: those without id, and the first with each id the timeline does not hold yet. */
    private static List<IncomingEvent> admit(List<IncomingEvent> events, Set<StoredId> known) {
        Set<StoredId> taken = new HashSet<>(known);
        List<IncomingEvent> admitted = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (event.id().isEmpty() || taken.add(new StoredId(event.timeline().value(), event.id().get().value()))) {
                admitted.add(event);
            }
        }
        return admitted;
    }

    private static void insert(Connection connection, List<IncomingEvent> events, List<Long> seqs,
            Timestamp received) throws SQLException {
        INSERT.update(connection, Sql.with("received", received.micros())
                .with("timelines", events.stream().map(event -> event.timeline().value()).toArray(String[]::new))
                .with("ts", events.stream().map(event -> event.timestamp().micros()).toArray(Long[]::new))
                .with("seqs", seqs.toArray(Long[]::new))
                .with("ids", events.stream().map(event -> event.id().map(EventId::value).orElse(null))
                        .toArray(String[]::new))
                .with("data", events.stream().map(event -> JsonText.write(event.data())).toArray(String[]::new)));
    }

    /** Per timeline, its earliest new event in timeline order and its first new seq. */
    private static List<ChangePoints.Position> positions(List<IncomingEvent> events, List<Long> seqs) {
        Map<String, ChangePoints.Position> positions = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            long ts = event.timestamp().micros();
            long seq = seqs.get(i);
            positions.merge(event.timeline().value(), new ChangePoints.Position(event.timeline().value(), ts, seq, seq),
                    (first, next) -> next.ts() < first.ts()
                            ? new ChangePoints.Position(first.timeline(), next.ts(), next.seq(), first.firstNewSeq())
                            : first);
        }
        return List.copyOf(positions.values());
    }
}
