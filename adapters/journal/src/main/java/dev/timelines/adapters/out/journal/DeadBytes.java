package dev.timelines.adapters.out.journal;

import dev.timelines.domain.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.timelines.domain.TimelineKey;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many bytes the events of deleted timelines take in each segment: what compaction would reclaim, which
 * decides when it runs. Seqs follow log order, so the first seq written to each segment tells which segment
 * holds an event. An estimate: record framing is left out, and a delete that races a compaction may be
 * counted although that compaction reclaimed it (until the next one). Thread-safe.
 */
final class DeadBytes {

    /** Stands for the segments a compaction rewrote, all of them closed. */
    private static final long COMPACTED = 0;

    private final NavigableMap<Long, Long> segmentByFirstSeq = new TreeMap<>();
    private final NavigableMap<Long, Long> bySegment = new TreeMap<>();
    private volatile long newestSegment;

    /**
     * Notes that events from seq {@code firstSeq} on went to {@code segment}; returns whether that segment is
     * new, that is, whether the one before it just closed. Cheap unless it is new.
     */
    boolean appended(long segment, long firstSeq) {
        if (segment <= newestSegment) {
            return false;
        }
        synchronized (this) {
            if (segment <= newestSegment) {
                return false;
            }
            segmentByFirstSeq.put(firstSeq, segment);
            newestSegment = segment;
            return true;
        }
    }

    /** Counts the events of a deleted timeline as dead where they lie. */
    void deleted(TimelineKey key, List<Event> events) {
        long[] sizes = new long[events.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = EventCodec.size(key, events.get(i));
        }
        synchronized (this) {
            for (int i = 0; i < sizes.length; i++) {
                Map.Entry<Long, Long> segment = segmentByFirstSeq.floorEntry(events.get(i).seq());
                bySegment.merge(segment == null ? COMPACTED : segment.getValue(), sizes[i], Long::sum);
            }
        }
    }

    /** The dead bytes in the segments numbered below {@code segment}. */
    synchronized long below(long segment) {
        return sum(bySegment.headMap(segment, false));
    }

    /**
     * A compaction rewrote the segments up to {@code segment}, reclaiming the {@code reclaimed} dead bytes
     * counted there when it began; what was counted there since stays, now under the compacted head.
     */
    synchronized void compacted(long segment, long reclaimed) {
        NavigableMap<Long, Long> rewritten = bySegment.headMap(segment, true);
        long left = sum(rewritten) - reclaimed;
        rewritten.clear();
        if (left > 0) {
            bySegment.put(COMPACTED, left);
        }
        segmentByFirstSeq.values().removeIf(number -> number <= segment);
    }

    /** What is counted, encoded for a snapshot; {@link #restore} decodes it. */
    synchronized byte[] image() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(newestSegment);
            writeMap(out, segmentByFirstSeq);
            writeMap(out, bySegment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /** Loads what a snapshot counted, in place of counting the events before it again. */
    synchronized void restore(byte[] image) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            newestSegment = in.readLong();
            readMap(in, segmentByFirstSeq);
            readMap(in, bySegment);
        } catch (IOException e) {
            throw new UncheckedIOException("a checksummed snapshot holds a malformed dead bytes count", e);
        }
    }

    private static void writeMap(DataOutput out, Map<Long, Long> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<Long, Long> entry : map.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static void readMap(DataInput in, Map<Long, Long> map) throws IOException {
        map.clear();
        for (int entries = in.readInt(); entries > 0; entries--) {
            map.put(in.readLong(), in.readLong());
        }
    }

    private static long sum(Map<Long, Long> bytes) {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }
}
