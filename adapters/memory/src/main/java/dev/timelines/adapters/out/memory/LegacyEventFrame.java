package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the first format of an event's frame, which journals and Kafka topics written before {@link EventBytes}
 * took the compact form still hold: fixed-width integers, strings as an int length and UTF-8, numbers as scale and
 * two's complement bytes, a tag set of its own. Never written any more.
 */
final class LegacyEventFrame {

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte NUMBER = 3;
    private static final byte STRING = 4;
    private static final byte ARRAY = 5;
    private static final byte OBJECT = 6;

    private LegacyEventFrame() {
    }

    static TimelineEvent read(DataInputStream in) throws IOException {
        TimelineKey key = new TimelineKey(EventBytes.readString(in));
        Timestamp timestamp = new Timestamp(in.readLong());
        long seq = in.readLong();
        Timestamp received = new Timestamp(in.readLong());
        Optional<EventId> id = in.readBoolean() ? Optional.of(new EventId(EventBytes.readString(in))) : Optional.empty();
        JsonValue.Obj data = (JsonValue.Obj) readValue(in);
        return new TimelineEvent(key, new Event(timestamp, seq, received, id, data));
    }

    private static JsonValue readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case STRING:
                return new JsonValue.Str(EventBytes.readString(in));
            case NUMBER:
                int scale = in.readInt();
                return new JsonValue.Num(new BigDecimal(new BigInteger(in.readNBytes(in.readInt())), scale));
            case OBJECT:
                int members = in.readInt();
                Map<String, JsonValue> map = new LinkedHashMap<>();
                for (int i = 0; i < members; i++) {
                    map.put(EventBytes.readString(in), readValue(in));
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
}
