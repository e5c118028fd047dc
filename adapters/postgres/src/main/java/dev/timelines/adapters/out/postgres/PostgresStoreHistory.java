package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Event;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store's history as the transitions stream reads it, from the database itself, so that every instance of the
 * service on one database reads the same history and a position names the same place on each, across restarts.
 *
 * <p><b>Seqs.</b> Every write draws its seqs from one sequence: an append one per stored event, a deletion one of
 * its own (its timeline's events move to {@code deleted_events} with it; {@code deletions} records it). The
 * sequence hands seqs out in the order writers ask, not in the order they commit, so a seq can commit while a lower
 * one has not yet. {@link #durable()} is therefore not the highest committed seq but a commit-ordered watermark:
 * before drawing, a writer announces a lower bound of its seqs in a shared transaction advisory lock (which every
 * session sees in {@code pg_locks}, and which PostgreSQL releases only once the transaction's commit is visible or
 * its rollback done); {@code durable_seq()} reads the sequence's last value, then the lowest announcement still held,
 * and answers the lower of that value and the announcement minus one. A seq drawn before the first read was
 * announced before the second, so no seq at or below the answer belongs to a transaction still open, whichever
 * instance it writes through. Writers never wait on each other for this. Every write also sends a notification in
 * its transaction, delivered only after it commits, and each instance listens ({@link DurableSignal}).
 *
 * <p><b>Horizon.</b> Deletions and the events they removed are kept for {@code retainedSeqs} seqs, then pruned; the
 * horizon rises to the last deletion pruned, so a position dies only when history it needs was dropped. Live events
 * are the history of themselves: with no deletion, every seq can be answered from.
 *
 * <p>The announcements are {@code pg_locks} rows of the database: advisory locks taken in shared mode with a bigint
 * key by other sessions (another application, another Timelines schema in the same database) hold the watermark
 * back while they are held; a database of its own for the store avoids that.
 */
public final class PostgresStoreHistory implements StoreHistory, AutoCloseable {

    private static final Sql HORIZON = new Sql("SELECT seq FROM history_horizon");
    private static final Sql CHANGED = new Sql("""
            SELECT timeline FROM events WHERE seq > :after AND seq <= :upTo
            UNION SELECT timeline FROM deleted_events WHERE seq > :after AND seq <= :upTo
            UNION SELECT timeline FROM deletions WHERE seq > :after AND seq <= :upTo
            ORDER BY timeline
            """);
    /** The first deletion of the timeline after the seq: the events it removed are the timeline as of the seq. */
    private static final Sql DELETION_AFTER = new Sql("""
            SELECT seq FROM deletions WHERE timeline = :timeline AND seq > :seq ORDER BY seq LIMIT 1
            """);
    private static final Sql LIVE_EVENTS = new Sql("""
            SELECT ts, seq, received, id, data FROM events
            WHERE timeline = :timeline AND seq <= :seq
            ORDER BY ts, seq
            """);
    private static final Sql DELETED_EVENTS = new Sql("""
            SELECT ts, seq, received, id, data FROM deleted_events
            WHERE timeline = :timeline AND deletion = :deletion AND seq <= :seq
            ORDER BY ts, seq
            """);
    /** Drops the deletions below the cutoff with their events, and raises the horizon to the last of them. */
    private static final Sql PRUNE = new Sql("""
            WITH pruned AS (
                DELETE FROM deletions WHERE seq < :cutoff RETURNING timeline, seq
            ), pruned_events AS (
                DELETE FROM deleted_events d USING pruned p WHERE d.timeline = p.timeline AND d.deletion = p.seq
            )
            UPDATE history_horizon SET seq = greatest(seq, (SELECT max(seq) FROM pruned))
            WHERE EXISTS (SELECT 1 FROM pruned)
            """);

    /** How often the watermark is read without a notification (see {@link DurableSignal}). */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often each instance prunes: a prune is a short transaction, and finds nothing to do most of the time. */
    private static final Duration PRUNE_EVERY = Duration.ofSeconds(10);

    private final Database database;
    private final Watermark watermark;
    private final long retainedSeqs;
    private final DurableSignal signal;

    private PostgresStoreHistory(PostgresEventStore store, long retainedSeqs, Duration poll, Duration pruneEvery) {
        this.database = store.database();
        this.watermark = store.watermark();
        this.retainedSeqs = retainedSeqs;
        this.signal = new DurableSignal(database.source(), poll, pruneEvery, watermark::refresh, this::prune);
    }

    /**
     * Reads the history of the store in its database: prunes it once, then starts listening for writes (through this
     * instance and every other).
     *
     * @param retainedSeqs how many seqs a deletion's history is kept for: a stream position that many seqs behind
     *        may be answered 410 once a deletion after it was pruned
     */
    public static PostgresStoreHistory open(PostgresEventStore store, long retainedSeqs) {
        return open(store, retainedSeqs, POLL, PRUNE_EVERY);
    }

    /**
     * As {@link #open(PostgresEventStore, long)}, reading the watermark without a notification every {@code poll},
     * and pruning every {@code pruneEvery}.
     */
    static PostgresStoreHistory open(PostgresEventStore store, long retainedSeqs, Duration poll, Duration pruneEvery) {
        if (retainedSeqs < 1) {
            throw new IllegalArgumentException("retained seqs must be at least 1, not " + retainedSeqs);
        }
        PostgresStoreHistory history = new PostgresStoreHistory(store, retainedSeqs, poll, pruneEvery);
        history.prune(history.durable());
        history.signal.start();
        return history;
    }

    /** As last read, or read again when a write through this instance ended since (see {@link Watermark}). */
    @Override
    public long durable() {
        return watermark.current();
    }

    @Override
    public long horizon() {
        return database.read(PostgresStoreHistory::horizon);
    }

    @Override
    public Set<TimelineKey> changed(long after, long upTo) {
        return database.read(connection -> {
            requireKept(connection, after);
            return new LinkedHashSet<>(CHANGED.list(connection, Sql.with("after", after).with("upTo", upTo),
                    result -> new TimelineKey(result.getString(1))));
        });
    }

    @Override
    public Optional<Timeline> asOf(TimelineKey key, long seq) {
        return database.read(connection -> {
            requireKept(connection, seq);
            Sql.Params timeline = Sql.with("timeline", key.value()).with("seq", seq);
            Optional<Long> deletion = DELETION_AFTER.first(connection, timeline, result -> result.getLong(1));
            List<Event> events = deletion.isPresent()
                    ? DELETED_EVENTS.list(connection, timeline.with("deletion", deletion.get()), StoredTimelines::event)
                    : LIVE_EVENTS.list(connection, timeline, StoredTimelines::event);
            return events.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, events));
        });
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        return signal.add(listener);
    }

    /** Stops listening; waits for the listener's thread to end. */
    @Override
    public void close() throws InterruptedException {
        signal.close();
    }

    /** Prunes what lies more than the retained seqs below the watermark. */
    void prune(long durableSeq) {
        database.write(connection -> PRUNE.update(connection, Sql.with("cutoff", durableSeq - retainedSeqs)));
    }

    private static long horizon(Connection connection) throws SQLException {
        return HORIZON.first(connection, new Sql.Params(), result -> result.getLong(1)).orElseThrow();
    }

    /** In the reading snapshot, so that a prune cannot slip between the check and the read. */
    private static void requireKept(Connection connection, long seq) throws SQLException {
        long horizon = horizon(connection);
        if (seq < horizon) {
            throw new HistoryGoneException("the store's history before seq " + horizon + " was pruned; seq " + seq
                    + " lies before it");
        }
    }
}
