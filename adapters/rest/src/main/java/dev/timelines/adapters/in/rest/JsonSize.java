package dev.timelines.adapters.in.rest;

import dev.timelines.domain.JsonValue;
import java.util.Map;

/**
 * The size of a JSON value written compactly in UTF-8, as the service writes it back: what {@code data-size}
 * bounds, whatever whitespace the producer sent. Counting stops once past the bound, so a huge value costs no more
 * than the bound to measure.
 */
final class JsonSize {

    private final long bound;
    private long size;

    private JsonSize(long bound) {
        this.bound = bound;
    }

    /** The value's compact size in bytes, or some number above {@code bound} once it is known to exceed it. */
    static long of(JsonValue value, long bound) {
        JsonSize counter = new JsonSize(bound);
        counter.add(value);
        return counter.size;
    }

    private void add(JsonValue value) {
        if (size > bound) {
            return;
        }
        if (value instanceof JsonValue.Str str) {
            addString(str.value());
        } else if (value instanceof JsonValue.Num num) {
            size += num.value().toString().length();
        } else if (value instanceof JsonValue.Bool bool) {
            size += bool.value() ? 4 : 5;
        } else if (value instanceof JsonValue.Obj obj) {
            size += 1 + Math.max(0, obj.members().size() - 1) + 1; // braces and commas
            for (Map.Entry<String, JsonValue> member : obj.members().entrySet()) {
                addString(member.getKey());
                size += 1; // colon
                add(member.getValue());
            }
        } else if (value instanceof JsonValue.Arr arr) {
            size += 1 + Math.max(0, arr.elements().size() - 1) + 1; // brackets and commas
            arr.elements().forEach(this::add);
        } else {
            size += 4; // null
        }
    }

    private void addString(String text) {
        size += 2; // quotes
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                size += 2;
            } else if (c < 0x20) {
                size += 6; // \\u00XX
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c)) {
                size += 4;
                i++; // the low surrogate: the pair is one four-byte code point (pairing was checked on input)
            } else {
                size += 3;
            }
        }
    }
}
