package dev.timelines.adapters.out.memory;

import dev.timelines.domain.DomainException;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary frame of one stored event with its timeline, seq and received time, so that a durable log replayed
 * into the engine ({@link InMemoryEventStore#restore}) rebuilds exactly what was acknowledged. The journal's
 * records and the Kafka topic's records both carry events in this form.
 *
 * <p>A frame is the memory engine's compact form, written by the {@link DataCodec} that encodes the stored data
 * (its {@link DataCodec#PORTABLE portable} variant: member names inline, as a frame must stand alone): a
 * {@link #FORMAT} byte, the key and the id as the codec's strings, the times and seq as varints, then the data.
 * Frames of the first format (before there was one codec) began with the key's length as a four-byte int, whose
 * first byte is 0 for every key (at most {@link TimelineKey#MAX_BYTES} bytes); they are still read
 * ({@link LegacyEventFrame}).
 */
public final class EventBytes {

    /** The first byte of a frame of this format; never 0, the first byte of every frame of the first format. */
    static final byte FORMAT = 2;

    /** Room made per event of a batch up front: a batch's buffer grown from a few bytes was copied some 25 times. */
    private static final int TYPICAL_FRAME = 64;

    private EventBytes() {
    }

    /** One event alone, as bytes. */
    public static byte[] of(TimelineKey key, Event event) {
        Bytes out = new Bytes();
        write(out, key, event);
        return out.copy();
    }

    /** The event {@link #of} wrote, in either format; an {@link IOException} when the bytes are not one. */
    public static TimelineEvent from(byte[] bytes) throws IOException {
        List<TimelineEvent> events = new ArrayList<>(1);
        int end = read(bytes, new Bytes(bytes), 0, events);
        if (end != bytes.length) {
            throw new IOException((bytes.length - end) + " bytes after the event");
        }
        return events.get(0);
    }

    /** A batch of events: their count as a four-byte int, then their frames. */
    public static byte[] batch(List<TimelineEvent> events) {
        Bytes out = new Bytes(Integer.BYTES + events.size() * TYPICAL_FRAME);
        int count = events.size();
        out.write(count >>> 24);
        out.write(count >>> 16);
        out.write(count >>> 8);
        out.write(count);
        events.forEach(admitted -> write(out, admitted.timeline(), admitted.event()));
        return out.copy();
    }

    /** The events {@link #batch} wrote, or a batch of the first format; an {@link IOException} when it is neither. */
    public static List<TimelineEvent> batch(byte[] bytes) throws IOException {
        if (bytes.length < Integer.BYTES) {
            throw new IOException("a batch of " + bytes.length + " bytes has no count");
        }
        int count = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        List<TimelineEvent> events = new ArrayList<>(Math.min(count, bytes.length));
        Bytes frames = new Bytes(bytes);
        int position = Integer.BYTES;
        for (int i = 0; i < count; i++) {
            position = read(bytes, frames, position, events);
        }
        if (position != bytes.length) {
            throw new IOException((bytes.length - position) + " bytes after the batch's events");
        }
        return events;
    }

    /** The frame's length in bytes. */
    public static int size(TimelineKey key, Event event) {
        Bytes out = new Bytes();
        write(out, key, event);
        return out.size();
    }

    private static void write(Bytes out, TimelineKey key, Event event) {
        out.write(FORMAT);
        DataCodec.writeString(key.value(), out);
        out.writeSignedVarint(event.timestamp().micros());
        out.writeVarint(event.seq());
        out.writeSignedVarint(event.received().micros());
        out.writeVarint(event.id().isPresent() ? 1 : 0);
        event.id().ifPresent(id -> DataCodec.writeString(id.value(), out));
        DataCodec.PORTABLE.write(event.data(), out);
    }

    /** Adds the frame at {@code position} to {@code events} and returns where it ends; {@code view} wraps the bytes. */
    private static int read(byte[] bytes, Bytes view, int position, List<TimelineEvent> events) throws IOException {
        try {
            if (bytes[position] != FORMAT) {
                return readFirstFormat(bytes, position, events);
            }
            DataCodec.Reader in = DataCodec.PORTABLE.reader(view, position + 1);
            TimelineKey key = new TimelineKey(in.string());
            Timestamp timestamp = new Timestamp(in.signedVarint());
            long seq = in.varint();
            Timestamp received = new Timestamp(in.signedVarint());
            Optional<EventId> id = in.varint() == 1 ? Optional.of(new EventId(in.string())) : Optional.empty();
            if (!(in.value() instanceof JsonValue.Obj data)) {
                throw new IOException("an event's data is not an object");
            }
            events.add(new TimelineEvent(key, new Event(timestamp, seq, received, id, data)));
            return in.position();
        } catch (IndexOutOfBoundsException | IllegalStateException | IllegalArgumentException | DomainException e) {
            throw new IOException("not an event's frame at byte " + position, e);
        }
    }

    private static int readFirstFormat(byte[] bytes, int position, List<TimelineEvent> events) throws IOException {
        ByteArrayInputStream rest = new ByteArrayInputStream(bytes, position, bytes.length - position);
        events.add(LegacyEventFrame.read(new DataInputStream(rest)));
        return bytes.length - rest.available();
    }

    /**
     * A JSON value alone, in the frames' portable form (numbers keep their scale, so {@code 1.0} stays {@code 1.0}):
     * how a partial answer ships the values it holds to another node.
     */
    public static byte[] value(JsonValue value) {
        Bytes out = new Bytes();
        DataCodec.PORTABLE.write(value, out);
        return out.copy();
    }

    /** The value {@link #value(JsonValue)} wrote; an {@link IOException} when the bytes are not one. */
    public static JsonValue value(byte[] bytes) throws IOException {
        try {
            DataCodec.Reader in = DataCodec.PORTABLE.reader(new Bytes(bytes), 0);
            JsonValue value = in.value();
            if (in.position() != bytes.length) {
                throw new IOException((bytes.length - in.position()) + " bytes after the value");
            }
            return value;
        } catch (IndexOutOfBoundsException | IllegalStateException | IllegalArgumentException | DomainException e) {
            throw new IOException("not a value's bytes", e);
        }
    }

    /** UTF-8 with a length prefix; the REST adapter refuses unpaired surrogates, so this is lossless. */
    public static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
