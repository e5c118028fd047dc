package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.domain.Event;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The binary form of journal records: a batch of admitted events (each with its timeline, seq and received
 * time, so that replay rebuilds exactly what was acknowledged, in {@link EventBytes}' frames: the memory engine's
 * compact form), the deletion of a timeline with the seq it took, or, written by compaction, the highest seq of the
 * records it rewrote (replay can no longer tell what happened up to it, and gives no seq up to it again). Journals
 * written before deletions took seqs hold {@link #DELETE} records, still read.
 */
final class EventCodec {

    static final byte EVENTS = 1;
    /** A deletion without a seq of its own, as written before deletions took one. */
    static final byte DELETE = 2;
    static final byte DELETION = 3;
    static final byte COMPACTED_THROUGH = 4;

    private EventCodec() {
    }

    /** A batch's events; a batch of only duplicates is still written, as an ordering barrier. */
    static JournalRecord events(List<TimelineEvent> events) {
        return new JournalRecord(EVENTS, EventBytes.batch(events));
    }

    /** The bytes one event takes in an {@link #EVENTS} record. */
    static int size(TimelineKey key, Event event) {
        return EventBytes.size(key, event);
    }

    static JournalRecord deletion(TimelineKey key, long seq) {
        return write(DELETION, out -> {
            EventBytes.writeString(out, key.value());
            out.writeLong(seq);
        });
    }

    static JournalRecord compactedThrough(long seq) {
        return write(COMPACTED_THROUGH, out -> out.writeLong(seq));
    }

    static List<TimelineEvent> readEvents(byte[] payload) {
        try {
            return EventBytes.batch(payload);
        } catch (IOException e) {
            throw undecodable(e);
        }
    }

    static TimelineKey readDelete(byte[] payload) {
        return read(payload, in -> new TimelineKey(EventBytes.readString(in)));
    }

    /** A deletion and the seq it took. */
    record Deletion(TimelineKey key, long seq) {
    }

    static Deletion readDeletion(byte[] payload) {
        return read(payload, in -> new Deletion(new TimelineKey(EventBytes.readString(in)), in.readLong()));
    }

    static long readCompactedThrough(byte[] payload) {
        return read(payload, DataInputStream::readLong);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static JournalRecord write(byte type, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JournalRecord(type, bytes.toByteArray());
    }

    private static <T> T read(byte[] payload, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            return reader.read(in);
        } catch (IOException e) {
            throw undecodable(e);
        }
    }

    private static JournalException undecodable(IOException e) {
        return new JournalException("a journal record passed its checksum but cannot be decoded", e);
    }
}
