package dev.timelines.adapters.out.memory;

import dev.timelines.domain.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes event data compactly: a tag byte per value, varint lengths and counts, numbers as their unscaled
 * value and scale (so {@code 1.0} stays {@code 1.0}), and member names and short string values as ids of a
 * dictionary shared by the whole store. {@code {"status": "paid"}} takes 5 bytes instead of a few hundred as
 * objects. The dictionary is bounded: past {@link #MAX_NAMES} strings (data whose keys are themselves data) names
 * are written inline, and values past half of it. Encoding needs the store's write lock, decoding its read lock.
 *
 * <p>{@link #PORTABLE} writes every name and value inline: the same form without the store's dictionary, which
 * stands alone, for the events' frames that leave the store ({@link EventBytes}: journal and Kafka records).
 */
final class DataCodec {

    static final int MAX_NAMES = 65_536;

    /** No dictionary: every name and value inline. It never changes, so threads share it without a lock. */
    static final DataCodec PORTABLE = new DataCodec(0);

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int NUMBER = 3;
    private static final int NUMBER_TEXT = 4;
    private static final int STRING = 5;
    private static final int STRING_CHARS = 6;
    private static final int ARRAY = 7;
    private static final int OBJECT = 8;
    /** A string value of the dictionary, by id: what repeats from event to event (states, kinds) takes 2 bytes. */
    private static final int STRING_ID = 9;
    /**
     * String values longer than this are written out: short ones are the values that repeat (a status), long
     * ones rarely do, and each would take a dictionary entry.
     */
    static final int MAX_SHARED_VALUE_LENGTH = 32;

    private final Map<String, Integer> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int maxNames;

    /** The store's codec, with a dictionary of up to {@link #MAX_NAMES} names. */
    DataCodec() {
        this(MAX_NAMES);
    }

    private DataCodec(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The dictionary's strings (names and values) in id order: what an image must keep for its data to decode. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Loads the dictionary of an image into this codec, which must not have encoded anything yet. */
    void restoreNames(List<String> restored) {
        if (!names.isEmpty()) {
            throw new IllegalStateException("the dictionary already holds names");
        }
        for (String name : restored) {
            nameIds.put(name, names.size());
            names.add(name);
        }
    }

    void write(JsonValue value, Bytes out) {
        if (value instanceof JsonValue.Obj object) {
            out.write(OBJECT);
            out.writeVarint(object.members().size());
            object.members().forEach((name, member) -> {
                writeName(name, out);
                write(member, out);
            });
        } else if (value instanceof JsonValue.Arr array) {
            out.write(ARRAY);
            out.writeVarint(array.elements().size());
            array.elements().forEach(element -> write(element, out));
        } else if (value instanceof JsonValue.Str string) {
            writeValueString(string.value(), out);
        } else if (value instanceof JsonValue.Num number) {
            writeNumber(number.value(), out);
        } else if (value instanceof JsonValue.Bool bool) {
            out.write(bool.value() ? TRUE : FALSE);
        } else {
            out.write(NULL);
        }
    }

    /** Decodes the value that starts at {@code position}. */
    JsonValue read(Bytes in, int position) {
        return new Reader(in, position).value();
    }

    /** A reader of values, and of the varints and strings around them, from {@code position} on. */
    Reader reader(Bytes in, int position) {
        return new Reader(in, position);
    }

    /**
     * Decodes one member of the object that starts at {@code position}, skipping the others undecoded; null
     * when the object has no such member. What an index reads from every event, so it allocates little.
     */
    JsonValue member(Bytes in, int position, String name) {
        Reader reader = new Reader(in, position + 1);
        int id = nameIds.getOrDefault(name, -1);
        for (long count = reader.varint(); count > 0; count--) {
            if (reader.nameMatches(id, name)) {
                return reader.value();
            }
            reader.skip();
        }
        return null;
    }

    private void writeName(String name, Bytes out) {
        Integer id = idOf(name, maxNames);
        if (id == null) {
            out.writeVarint(0);
            writeString(name, out);
        } else {
            out.writeVarint(id + 1L);
        }
    }

    /**
     * A short string value by its id in the dictionary that names share; while the dictionary is less than half
     * full, a value new to it joins it: values (data whose text varies freely) cannot crowd the names out.
     */
    private void writeValueString(String text, Bytes out) {
        Integer id = text.length() <= MAX_SHARED_VALUE_LENGTH ? idOf(text, maxNames / 2) : null;
        if (id == null) {
            writeString(text, out);
        } else {
            out.write(STRING_ID);
            out.writeVarint(id);
        }
    }

    /** The string's id in the dictionary, added while the dictionary holds fewer than {@code limit}; or null. */
    private Integer idOf(String text, int limit) {
        Integer id = nameIds.get(text);
        if (id == null && names.size() < limit) {
            id = names.size();
            names.add(text);
            nameIds.put(text, id);
        }
        return id;
    }

    /** UTF-8, unless the string holds a lone surrogate (JSON allows one), which UTF-8 cannot carry. */
    static void writeString(String text, Bytes out) {
        if (wellFormed(text)) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.write(STRING);
            out.writeVarint(utf8.length);
            out.write(utf8);
        } else {
            out.write(STRING_CHARS);
            out.writeVarint(text.length());
            for (int i = 0; i < text.length(); i++) {
                out.writeVarint(text.charAt(i));
            }
        }
    }

    private static void writeNumber(BigDecimal number, Bytes out) {
        BigInteger unscaled = number.unscaledValue();
        if (unscaled.bitLength() < 63) {
            out.write(NUMBER);
            out.writeSignedVarint(unscaled.longValue());
            out.writeSignedVarint(number.scale());
        } else {
            byte[] text = number.toString().getBytes(StandardCharsets.US_ASCII);
            out.write(NUMBER_TEXT);
            out.writeVarint(text.length);
            out.write(text);
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one encoded value forward from a position. */
    final class Reader {
        private final Bytes in;
        private int position;

        private Reader(Bytes in, int position) {
            this.in = in;
            this.position = position;
        }

        /** Where the next read starts. */
        int position() {
            return position;
        }

        /** A string as {@link #writeString} wrote it. */
        String string() {
            return string(in.get(position++));
        }

        JsonValue value() {
            int tag = in.get(position++);
            return switch (tag) {
                case NULL -> JsonValue.Null.INSTANCE;
                case FALSE -> JsonValue.Bool.FALSE;
                case TRUE -> JsonValue.Bool.TRUE;
                case NUMBER -> {
                    long unscaled = signedVarint();
                    yield new JsonValue.Num(BigDecimal.valueOf(unscaled, (int) signedVarint()));
                }
                case NUMBER_TEXT -> new JsonValue.Num(new BigDecimal(new String(bytes(), StandardCharsets.US_ASCII)));
                case STRING, STRING_CHARS -> new JsonValue.Str(string(tag));
                case STRING_ID -> new JsonValue.Str(names.get((int) varint()));
                case ARRAY -> array();
                case OBJECT -> object();
                default -> throw new IllegalStateException("corrupt event data: tag " + tag);
            };
        }

        /** Reads a member name and tells whether it is the one with this dictionary id (or inline text). */
        boolean nameMatches(int id, String name) {
            int written = (int) varint();
            return written > 0 ? written - 1 == id : string(in.get(position++)).equals(name);
        }

        /** Moves past one value without decoding it. */
        void skip() {
            int tag = in.get(position++);
            switch (tag) {
                case NUMBER -> {
                    varint();
                    varint();
                }
                case STRING_ID -> varint();
                case NUMBER_TEXT, STRING -> {
                    int length = (int) varint();
                    position += length;
                }
                case STRING_CHARS -> {
                    for (long length = varint(); length > 0; length--) {
                        varint();
                    }
                }
                case ARRAY -> {
                    for (long count = varint(); count > 0; count--) {
                        skip();
                    }
                }
                case OBJECT -> {
                    for (long count = varint(); count > 0; count--) {
                        if (varint() == 0) {
                            string(in.get(position++));
                        }
                        skip();
                    }
                }
                default -> {
                }
            }
        }

        private JsonValue.Arr array() {
            int count = (int) varint();
            List<JsonValue> elements = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                elements.add(value());
            }
            return new JsonValue.Arr(elements);
        }

        private JsonValue.Obj object() {
            int count = (int) varint();
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int id = (int) varint();
                String name = id > 0 ? names.get(id - 1) : string(in.get(position++));
                members.put(name, value());
            }
            return new JsonValue.Obj(members);
        }

        private String string(int tag) {
            if (tag == STRING) {
                return new String(bytes(), StandardCharsets.UTF_8);
            }
            int length = (int) varint();
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) varint());
            }
            return text.toString();
        }

        private byte[] bytes() {
            int length = (int) varint();
            byte[] bytes = in.range(position, length);
            position += length;
            return bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in.get(position++);
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        long signedVarint() {
            long zigzag = varint();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }
    }
}
