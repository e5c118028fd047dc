package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One timeline's events in (timestamp, seq) order as parallel primitive arrays, their data encoded by the
 * store's {@link DataCodec} into one append-only buffer and their reception times kept by the store's
 * {@link Receptions}: about 16 bytes an event plus its data (seqs as int offsets, {@link SeqColumn}), instead of a
 * few hundred as objects. Also the ids the timeline has seen or reserved, and the dense id by which the indexes
 * refer to it. Not thread-safe.
 */
final class StoredTimeline {

    private final int id;
    private final TimelineKey key;
    private final DataCodec codec;
    private final Receptions receptions;
    private final Bytes data;
    private long[] timestamps;
    private SeqColumn seqs;
    /** Where each event's data starts in {@link #data}. */
    private int[] dataAt;
    /** Allocated with the first event that has an id: most producers send none. */
    private EventId[] eventIds;
    /**
     * The ids as loaded from a snapshot, until a change decodes them into {@link #eventIds} (then null): a
     * start makes no object per id. Readers decode a copy: they must not change what other readers see.
     */
    private StringColumn undecodedIds;
    /**
     * The stored ids plus those reserved for events not yet stored. Built from {@link #eventIds} on first use
     * after loading an image, so that a restart does not hash every id of every timeline up front.
     */
    private Set<EventId> ids;
    private int size;
    /**
     * The lowest and highest seq of its events: reception follows seq, so they tell when the timeline was first
     * and last written, for the store as known at a moment.
     */
    private long firstSeq = Long.MAX_VALUE;
    private long lastSeq = Long.MIN_VALUE;

    StoredTimeline(int id, TimelineKey key, DataCodec codec, Receptions receptions) {
        this(id, new TimelineImage(key, 0, new long[2], new long[2], new int[2], new byte[0], null, null), codec,
                receptions);
    }

    /** The timeline an image shows, taking over the image's arrays. */
    StoredTimeline(int id, TimelineImage image, DataCodec codec, Receptions receptions) {
        this.id = id;
        this.key = image.key();
        this.codec = codec;
        this.receptions = receptions;
        this.data = new Bytes(image.data());
        this.timestamps = image.timestamps();
        this.seqs = SeqColumn.of(image.seqs(), 0, image.size(), timestamps.length);
        this.dataAt = image.dataAt();
        this.eventIds = image.eventIds();
        this.undecodedIds = image.storedIds();
        this.size = image.size();
        for (int i = 0; i < size; i++) {
            firstSeq = Math.min(firstSeq, seqs.get(i));
            lastSeq = Math.max(lastSeq, seqs.get(i));
        }
    }

    int id() {
        return id;
    }

    TimelineKey key() {
        return key;
    }

    /** Claims an id for an event about to be stored; false when the timeline already has it. */
    boolean reserve(EventId eventId) {
        return ids().add(eventId);
    }

    /** Whether the timeline has the id, stored or reserved. */
    boolean holds(EventId eventId) {
        return ids().contains(eventId);
    }

    private Set<EventId> ids() {
        decodeIdsForWriting();
        if (ids == null) {
            ids = new HashSet<>();
            for (int i = 0; eventIds != null && i < size; i++) {
                if (eventIds[i] != null) {
                    ids.add(eventIds[i]);
                }
            }
        }
        return ids;
    }

    /** Gives back a reserved id whose event was never stored, so that it may be sent again. */
    void release(EventId eventId) {
        if (ids != null) {
            ids.remove(eventId);
        }
    }

    /** Inserts the event at its place in (timestamp, seq) order and returns that place. */
    int insert(Event event) {
        decodeIdsForWriting();
        int index = insertionPoint(event.timestamp().micros(), event.seq());
        if (size == timestamps.length) {
            grow();
        }
        shift(index);
        timestamps[index] = event.timestamp().micros();
        seqs.set(index, event.seq());
        firstSeq = Math.min(firstSeq, event.seq());
        lastSeq = Math.max(lastSeq, event.seq());
        receptions.record(event.seq(), event.received().micros());
        dataAt[index] = data.size();
        codec.write(event.data(), data);
        if (event.id().isPresent() || eventIds != null) {
            eventIdsForWriting()[index] = event.id().orElse(null);
        }
        size++;
        return index;
    }

    boolean hasEvents() {
        return size > 0;
    }

    int size() {
        return size;
    }

    long timestamp(int index) {
        return timestamps[index];
    }

    long seq(int index) {
        return seqs.get(index);
    }

    JsonValue.Obj data(int index) {
        return (JsonValue.Obj) codec.read(data, dataAt[index]);
    }

    /** The attribute's value in the event at {@code index}, or null when the event lacks it. */
    JsonValue value(int index, Attribute attribute) {
        Optional<String> member = attribute.member();
        return member.isPresent() ? codec.member(data, dataAt[index], member.get())
                : attribute.valueIn(data(index)).orElse(null);
    }

    /**
     * The attribute's value at each of its events with a seq up to {@code seq} that carries it, in timeline order:
     * what its stays as of that seq are made of, read without decoding the rest of the events.
     */
    List<HistoryPoint> valuesUpToSeq(Attribute attribute, long seq) {
        List<HistoryPoint> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (seqs.get(i) <= seq) {
                JsonValue value = value(i, attribute);
                if (value != null) {
                    values.add(new HistoryPoint(new Timestamp(timestamps[i]), seqs.get(i), value));
                }
            }
        }
        return values;
    }

    /** A copy of the events, for an image of the store; the reserved ids of unstored events are left out. */
    TimelineImage image() {
        return new TimelineImage(key, size, Arrays.copyOf(timestamps, size), seqs.toArray(size),
                Arrays.copyOf(dataAt, size), data.copy(), eventIds == null ? null : Arrays.copyOf(eventIds, size),
                undecodedIds);
    }

    /** Whether an event had been received by {@code asOf}. */
    boolean knownAt(long asOf) {
        return size > 0 && receptions.receivedAt(firstSeq) <= asOf;
    }

    /** Whether an event was received after {@code asOf}: then the timeline known at {@code asOf} differs. */
    boolean changedAfter(long asOf) {
        return size > 0 && receptions.receivedAt(lastSeq) > asOf;
    }

    Timeline snapshot() {
        EventId[] idsNow = idsNow();
        List<Event> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event(i, idsNow));
        }
        return new Timeline(key, events);
    }

    /** The timestamp of its latest event; it must have events. */
    long lastTimestamp() {
        return timestamps[size - 1];
    }

    /** Whether it may hold a seq in [from, last]: its lowest and highest seqs say so at no cost. */
    boolean mayHoldSeqsIn(long from, long last) {
        return size > 0 && firstSeq <= last && lastSeq >= from;
    }

    /** Its lowest seq, or {@link Long#MAX_VALUE} when it has no events. */
    long firstSeq() {
        return firstSeq;
    }

    /**
     * Adds its events with a seq in [from, last] to {@code into}, in timeline order, and returns the lowest of
     * its seqs above {@code last}, or {@link Long#MAX_VALUE} when it has none.
     */
    long eventsWithSeqsIn(long from, long last, List<Event> into) {
        EventId[] idsNow = null;
        long above = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long seq = seqs.get(i);
            if (seq > last) {
                above = Math.min(above, seq);
            } else if (seq >= from) {
                if (idsNow == null) {
                    idsNow = idsNow();
                }
                into.add(event(i, idsNow));
            }
        }
        return above;
    }

    /** The ids as they are now, decoded into a copy when loaded from a snapshot (readers must not change them). */
    private EventId[] idsNow() {
        return undecodedIds != null ? decode(undecodedIds, size) : eventIds;
    }

    private Event event(int index, EventId[] idsNow) {
        long seq = seqs.get(index);
        Timestamp received = new Timestamp(receptions.receivedAt(seq));
        return new Event(new Timestamp(timestamps[index]), seq, received,
                Optional.ofNullable(idsNow == null ? null : idsNow[index]), data(index));
    }

    /** Before a change: makes {@link #eventIds} hold the ids loaded from a snapshot. */
    private void decodeIdsForWriting() {
        if (undecodedIds != null) {
            eventIds = decode(undecodedIds, timestamps.length);
            undecodedIds = null;
        }
    }

    private static EventId[] decode(StringColumn column, int capacity) {
        String[] values = column.strings();
        EventId[] decoded = new EventId[capacity];
        for (int i = 0; i < values.length; i++) {
            decoded[i] = values[i] == null ? null : new EventId(values[i]);
        }
        return decoded;
    }

    private int insertionPoint(long timestamp, long seq) {
        return seqs.lowerBound(timestamps, size, timestamp, seq);
    }

    private void shift(int index) {
        int moved = size - index;
        System.arraycopy(timestamps, index, timestamps, index + 1, moved);
        seqs.openAt(index, size);
        System.arraycopy(dataAt, index, dataAt, index + 1, moved);
        if (eventIds != null) {
            System.arraycopy(eventIds, index, eventIds, index + 1, moved);
        }
    }

    private EventId[] eventIdsForWriting() {
        if (eventIds == null) {
            eventIds = new EventId[timestamps.length];
        }
        return eventIds;
    }

    /** Grows by an eighth, as {@link ChangePoints} do: the spare room of many growing timelines stays near 6%. */
    private void grow() {
        int capacity = size + Math.max(4, size >> 3);
        timestamps = Arrays.copyOf(timestamps, capacity);
        seqs.resize(capacity);
        dataAt = Arrays.copyOf(dataAt, capacity);
        if (eventIds != null) {
            eventIds = Arrays.copyOf(eventIds, capacity);
        }
    }
}
