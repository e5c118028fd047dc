package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The binary form of one stored event with its timeline, seq and received time, so that a durable log replayed
 * into the engine ({@link InMemoryEventStore#restore}) rebuilds exactly what was acknowledged. The journal's
 * records and the Kafka topic's records both carry events in this form.
 */
public final class EventBytes {

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte NUMBER = 3;
    private static final byte STRING = 4;
    private static final byte ARRAY = 5;
    private static final byte OBJECT = 6;

    private EventBytes() {
    }

    /** One event alone, as bytes. */
    public static byte[] of(TimelineKey key, Event event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, key, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The event {@link #of} wrote; an {@link IOException} when the bytes are not one. */
    public static TimelineEvent from(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in);
        }
    }

    public static void write(DataOutputStream out, TimelineKey key, Event event) throws IOException {
        writeString(out, key.value());
        out.writeLong(event.timestamp().micros());
        out.writeLong(event.seq());
        out.writeLong(event.received().micros());
        out.writeBoolean(event.id().isPresent());
        if (event.id().isPresent()) {
            writeString(out, event.id().get().value());
        }
        writeValue(out, event.data());
    }

    public static TimelineEvent read(DataInputStream in) throws IOException {
        TimelineKey key = new TimelineKey(readString(in));
        Timestamp timestamp = new Timestamp(in.readLong());
        long seq = in.readLong();
        Timestamp received = new Timestamp(in.readLong());
        Optional<EventId> id = in.readBoolean() ? Optional.of(new EventId(readString(in))) : Optional.empty();
        JsonValue.Obj data = (JsonValue.Obj) readValue(in);
        return new TimelineEvent(key, new Event(timestamp, seq, received, id, data));
    }

    /** A JSON value as events hold it: numbers as their unscaled value and scale, so {@code 1.0} stays {@code 1.0}. */
    public static void writeValue(DataOutputStream out, JsonValue value) throws IOException {
        if (value instanceof JsonValue.Str str) {
            out.writeByte(STRING);
            writeString(out, str.value());
        } else if (value instanceof JsonValue.Num num) {
            out.writeByte(NUMBER);
            out.writeInt(num.value().scale());
            byte[] unscaled = num.value().unscaledValue().toByteArray();
            out.writeInt(unscaled.length);
            out.write(unscaled);
        } else if (value instanceof JsonValue.Obj obj) {
            out.writeByte(OBJECT);
            out.writeInt(obj.members().size());
            for (Map.Entry<String, JsonValue> member : obj.members().entrySet()) {
                writeString(out, member.getKey());
                writeValue(out, member.getValue());
            }
        } else if (value instanceof JsonValue.Arr arr) {
            out.writeByte(ARRAY);
            out.writeInt(arr.elements().size());
            for (JsonValue element : arr.elements()) {
                writeValue(out, element);
            }
        } else if (value instanceof JsonValue.Bool bool) {
            out.writeByte(bool.value() ? TRUE : FALSE);
        } else {
            out.writeByte(NULL);
        }
    }

    public static JsonValue readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case STRING:
                return new JsonValue.Str(readString(in));
            case NUMBER:
                int scale = in.readInt();
                return new JsonValue.Num(new BigDecimal(new BigInteger(in.readNBytes(in.readInt())), scale));
            case OBJECT:
                int members = in.readInt();
                Map<String, JsonValue> map = new LinkedHashMap<>();
                for (int i = 0; i < members; i++) {
                    map.put(readString(in), readValue(in));
                }
                return new JsonValue.Obj(map);
            case ARRAY:
                int size = in.readInt();
                List<JsonValue> elements = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    elements.add(readValue(in));
                }
                return new JsonValue.Arr(elements);
            case TRUE:
                return JsonValue.Bool.TRUE;
            case FALSE:
                return JsonValue.Bool.FALSE;
            case NULL:
                return JsonValue.Null.INSTANCE;
            default:
                throw new IOException("unknown value tag " + tag);
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
