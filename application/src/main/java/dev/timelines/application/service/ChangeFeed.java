package dev.timelines.application.service;

import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store's recent durable writes, numbered in the order they were recorded: the change log the transitions
 * stream is read from. It keeps the last {@code retained} revisions; a stream positioned before them can no longer
 * resume. Listeners hear of each record on the writer's thread and must only schedule work: ingest never waits for
 * a stream. Thread-safe.
 *
 * <p>Recording costs every write a read of its timelines before and after, and the memory of the revisions kept, so
 * the feed records only while it is watched: while a stream listens, and for {@code idleAfter} after the last one
 * started or stopped (long enough for a client to reconnect and resume). Writes made while nobody watches are
 * not recorded ({@link #unrecordedIfUnwatched}), and every position issued before them is gone: a client resuming
 * from one could not be given those writes' changes.
 */
public final class ChangeFeed {

    /**
     * A revision with its number in the log, and what readers derived from it: the streams with one filter compute
     * their messages once, not once per client.
     */
    public static final class Recorded {

        private final long number;
        private final TimelineRevision revision;
        private final Map<Object, Object> derived = new ConcurrentHashMap<>();

        Recorded(long number, TimelineRevision revision) {
            this.number = number;
            this.revision = revision;
        }

        public long number() {
            return number;
        }

        public TimelineRevision revision() {
            return revision;
        }

        /** What {@code compute} gives for the revision, computed once per {@code reader} (a value with equals). */
        @SuppressWarnings("unchecked")
        public <T> T derived(Object reader, Function<TimelineRevision, T> compute) {
            return (T) derived.computeIfAbsent(reader, any -> compute.apply(revision));
        }
    }

    private final long epoch;
    private final int retained;
    private final long idleAfterNanos;
    /** Unrecorded writes hold it shared; a stream starting to watch takes it alone, so none is under way then. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    /** When a stream last started or stopped watching (System.nanoTime). */
    private volatile long lastWatched;
    /** The first change a position may resume from: later than 1 once writes went unrecorded. Guarded by this. */
    private long firstResumable = 1;
    /** Revision n sits at n modulo the capacity: numbers are consecutive, so a ring needs no search. */
    private final Recorded[] ring;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The number the next revision gets; guarded by this. */
    private long next = 1;

    /**
     * @param epoch names this log in the positions it issues, so that a position of an earlier log (before a
     *     restart) is recognised and refused rather than misread
     * @param retained how many revisions to keep for streams that lag or resume
     * @param idleAfter how long the feed goes on recording after the last stream started or stopped
     */
    public ChangeFeed(long epoch, int retained, Duration idleAfter) {
        if (retained < 1) {
            throw new IllegalArgumentException("a change feed keeps at least one revision");
        }
        this.epoch = epoch;
        this.retained = retained;
        this.ring = new Recorded[retained];
        this.idleAfterNanos = idleAfter.toNanos();
        this.lastWatched = System.nanoTime() - idleAfterNanos;
    }

    /**
     * Runs {@code write} unrecorded and returns its result when no stream watches the feed; empty, without running
     * it, when streams do: the caller then records it.
     */
    public <T> Optional<T> unrecordedIfUnwatched(Supplier<T> write) {
        gate.readLock().lock();
        try {
            if (watched()) {
                return Optional.empty();
            }
            T result = write.get();
            skip();
            return Optional.of(result);
        } finally {
            gate.readLock().unlock();
        }
    }

    /** A stream starts watching: the feed records from now on, for at least {@code idleAfter}. */
    public void watch() {
        gate.writeLock().lock();
        try {
            lastWatched = System.nanoTime();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private boolean watched() {
        return !listeners.isEmpty() || System.nanoTime() - lastWatched < idleAfterNanos;
    }

    /** A write went unrecorded: no position issued so far can resume, and the next revision's number is new. */
    private synchronized void skip() {
        ring[slot(next)] = null;
        next++;
        firstResumable = next;
    }

    /** Records durable revisions, in order, then tells the listeners. */
    public void record(List<TimelineRevision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (TimelineRevision revision : revisions) {
                ring[slot(next)] = new Recorded(next, revision);
                next++;
            }
        }
        listeners.forEach(Runnable::run);
    }

    /** The position after every revision recorded so far: where a stream without a position starts. */
    public synchronized StreamPosition current() {
        return new StreamPosition(epoch, next, 0);
    }

    /**
     * At most {@code limit} revisions numbered from {@code position}'s change on.
     *
     * @throws PositionGoneException if some of those are no longer kept, or the position is of another log
     * @throws InvalidPositionException if the position lies beyond the log's end
     */
    public synchronized List<Recorded> from(StreamPosition position, int limit) {
        check(position);
        long end = Math.min(next, position.change() + limit);
        List<Recorded> found = new ArrayList<>((int) (end - position.change()));
        for (long number = position.change(); number < end; number++) {
            found.add(ring[slot(number)]);
        }
        return found;
    }

    /** Fails as {@link #from} does for a position this log cannot resume from. */
    public synchronized void check(StreamPosition position) {
        if (position.epoch() != epoch) {
            throw new PositionGoneException("the position was issued before the service restarted, and positions do"
                    + " not survive a restart of this storage; start again without a position");
        }
        if (position.change() > next) {
            throw new InvalidPositionException(position.token());
        }
        if (position.change() < firstResumable) {
            throw new PositionGoneException("no stream watched the store for a while, so the changes after this"
                    + " position were not recorded; start again without a position");
        }
        if (position.change() < Math.max(1, next - retained)) {
            throw new PositionGoneException("the changes after this position are no longer kept (the last "
                    + retained + " are); start again without a position");
        }
    }

    private int slot(long number) {
        return (int) (number % retained);
    }

    /** Calls {@code listener} after each record until the returned handle is run. */
    public Runnable listen(Runnable listener) {
        listeners.add(listener);
        return () -> {
            listeners.remove(listener);
            lastWatched = System.nanoTime();
        };
    }
}
