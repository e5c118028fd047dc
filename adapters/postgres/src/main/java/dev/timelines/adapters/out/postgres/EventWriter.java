package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.SeqConflictException;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineEvent;
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
import java.util.function.Function;

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
    /** Announced, so that the history's durable seq waits for this transaction (see PostgresStoreHistory). */
    private static final Sql NEXT_SEQS = new Sql("SELECT draw_seqs(:count)");
    private static final Sql INSERT = new Sql("""
            WITH stored AS (
                INSERT INTO events (timeline, ts, seq, received, id, data)
                SELECT timeline, ts, seq, received, id, data::jsonb
                FROM unnest(:timelines::text[], :ts::bigint[], :seqs::bigint[], :received::bigint[], :ids::text[],
                            :data::text[])
                     AS sent(timeline, ts, seq, received, id, data)
                RETURNING timeline, data
            )
            INSERT INTO attribute_names (timeline, name)
            SELECT DISTINCT timeline, jsonb_object_keys(data) FROM stored
            ON CONFLICT DO NOTHING
            """);
    /**
     * A no-op change of the sequence, for its lock: it conflicts with the lock nextval takes, so no ingest draws a
     * seq between an import's check of the highest seq and its move of the sequence past its own seqs.
     */
    private static final Sql LOCK_SEQ = new Sql("ALTER SEQUENCE event_seq NO CYCLE");
    private static final Sql HIGHEST_SEQ = new Sql(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM event_seq");
    /** Announced before the sequence passes them, as {@link #NEXT_SEQS} announces what it draws. */
    private static final Sql ANNOUNCE_SEQS = new Sql("SELECT announce_seqs(:seq)");
    private static final Sql MOVE_SEQ = new Sql("SELECT setval('event_seq', :seq)");
    private static final Sql FORGET = new Sql("DELETE FROM timelines WHERE timeline = :timeline");
    /** The deleted timeline's events are kept with the deletion's seq for the history (PostgresStoreHistory). */
    private static final Sql MOVE_EVENTS = new Sql("""
            WITH deleted AS (
                DELETE FROM events WHERE timeline = :timeline RETURNING timeline, ts, seq, received, id, data
            )
            INSERT INTO deleted_events (timeline, deletion, ts, seq, received, id, data)
            SELECT timeline, :deletion, ts, seq, received, id, data FROM deleted
            """);
    private static final Sql RECORD_DELETION = new Sql(
            "INSERT INTO deletions (timeline, seq) VALUES (:timeline, :deletion)");
    /** The other tables that hold a timeline's data: all are distributed by it (docs/scaling.md). */
    private static final List<Sql> FORGET_DATA = List.of("attribute_names", "change_points",
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
            List<IncomingEvent> admitted = admit(events, Function.identity(), knownIds(connection, events));
            if (!admitted.isEmpty()) {
                List<Long> seqs = NEXT_SEQS.list(connection, Sql.with("count", admitted.size()),
                        result -> result.getLong(1));
                // drawn in any order, given in the order of the request
                seqs.sort(null);
                List<TimelineEvent> stored = new ArrayList<>(admitted.size());
                for (int i = 0; i < admitted.size(); i++) {
                    stored.add(new TimelineEvent(admitted.get(i).timeline(), admitted.get(i).stored(seqs.get(i),
                            received)));
                }
                store(connection, stored);
            }
            return new IngestResult(admitted.size(), events.size() - admitted.size());
        });
    }

    /** As {@link #append}, keeping the events' seqs and reception times; the sequence then follows the last seq. */
    IngestResult restore(List<TimelineEvent> events) {
        return database.write(connection -> {
            LOCK_SEQ.update(connection, new Sql.Params());
            long highest = HIGHEST_SEQ.first(connection, new Sql.Params(), result -> result.getLong(1)).orElseThrow();
            long first = events.get(0).event().seq();
            if (first <= highest) {
                throw new SeqConflictException(first, highest);
            }
            ANNOUNCE_SEQS.first(connection, Sql.with("seq", first), result -> result.getLong(1));
            MOVE_SEQ.first(connection, Sql.with("seq", events.get(events.size() - 1).event().seq()),
                    result -> result.getLong(1));
            List<IncomingEvent> incoming = events.stream().map(EventWriter::incoming).toList();
            LOCK_TIMELINES.update(connection, Sql.with("timelines",
                    incoming.stream().map(event -> event.timeline().value()).distinct().toArray(String[]::new)));
            List<TimelineEvent> admitted = admit(events, EventWriter::incoming, knownIds(connection, incoming));
            if (!admitted.isEmpty()) {
                store(connection, admitted);
            }
            return new IngestResult(admitted.size(), events.size() - admitted.size());
        });
    }

    private static IncomingEvent incoming(TimelineEvent stored) {
        Event event = stored.event();
        return new IncomingEvent(stored.timeline(), event.timestamp(), event.id(), event.data());
    }

    /** Inserts the events and brings the change points of every indexed attribute up to date. */
    private static void store(Connection connection, List<TimelineEvent> events) throws SQLException {
        insert(connection, events);
        ChangePoints.repair(connection, AttributeIndexes.all(connection), positions(events));
    }

    /**
     * Removes the timeline's row and every row of its data, its events moved aside under the deletion's own seq;
     * false when it had none.
     */
    boolean delete(TimelineKey key) {
        return database.write(connection -> {
            Sql.Params timeline = Sql.with("timeline", key.value());
            if (FORGET.update(connection, timeline) == 0) {
                return false;
            }
            long deletion = NEXT_SEQS.first(connection, Sql.with("count", 1), result -> result.getLong(1))
                    .orElseThrow();
            timeline.with("deletion", deletion);
            MOVE_EVENTS.update(connection, timeline);
            RECORD_DELETION.update(connection, timeline);
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
    private static <T> List<T> admit(List<T> events, Function<T, IncomingEvent> incoming, Set<StoredId> known) {
        Set<StoredId> taken = new HashSet<>(known);
        List<T> admitted = new ArrayList<>();
        for (T each : events) {
            IncomingEvent event = incoming.apply(each);
            if (event.id().isEmpty() || taken.add(new StoredId(event.timeline().value(), event.id().get().value()))) {
                admitted.add(each);
            }
        }
        return admitted;
    }

    private static void insert(Connection connection, List<TimelineEvent> events) throws SQLException {
        INSERT.update(connection, Sql.with("timelines", events.stream().map(e -> e.timeline().value())
                        .toArray(String[]::new))
                .with("ts", events.stream().map(e -> e.event().timestamp().micros()).toArray(Long[]::new))
                .with("seqs", events.stream().map(e -> e.event().seq()).toArray(Long[]::new))
                .with("received", events.stream().map(e -> e.event().received().micros()).toArray(Long[]::new))
                .with("ids", events.stream().map(e -> e.event().id().map(EventId::value).orElse(null))
                        .toArray(String[]::new))
                .with("data", events.stream().map(e -> JsonText.write(e.event().data())).toArray(String[]::new)));
    }

    /** Per timeline, its earliest new event in timeline order and its first new seq. */
    private static List<ChangePoints.Position> positions(List<TimelineEvent> events) {
        Map<String, ChangePoints.Position> positions = new LinkedHashMap<>();
        for (TimelineEvent stored : events) {
            String timeline = stored.timeline().value();
            long ts = stored.event().timestamp().micros();
            long seq = stored.event().seq();
            positions.merge(timeline, new ChangePoints.Position(timeline, ts, seq, seq),
                    (first, next) -> next.ts() < first.ts()
                            ? new ChangePoints.Position(first.timeline(), next.ts(), next.seq(), first.firstNewSeq())
                            : first);
        }
        return List.copyOf(positions.values());
    }
}
