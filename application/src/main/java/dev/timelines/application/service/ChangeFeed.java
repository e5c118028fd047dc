package dev.timelines.application.service;

import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The store's recent durable writes, numbered in the order they were recorded: the change log the transitions
 * stream is read from. It keeps the last {@code retained} revisions; a stream positioned before them can no longer
 * resume. Listeners hear of each record on the writer's thread and must only schedule work: ingest never waits for
 * a stream. Thread-safe.
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
    /** Revision n sits at n modulo the capacity: numbers are consecutive, so a ring needs no search. */
    private final Recorded[] ring;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The number the next revision gets; guarded by this. */
    private long next = 1;

    /**
     * @param epoch names this log in the positions it issues, so that a position of an earlier log (before a
     *     restart) is recognised and refused rather than misread
     * @param retained how many revisions to keep for streams that lag or resume
     */
    public ChangeFeed(long epoch, int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("a change feed keeps at least one revision");
        }
        this.epoch = epoch;
        this.retained = retained;
        this.ring = new Recorded[retained];
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
        return () -> listeners.remove(listener);
    }
}
