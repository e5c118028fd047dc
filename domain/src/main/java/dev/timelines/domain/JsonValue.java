package dev.timelines.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value with the equality of docs/semantics.md: numbers are equal by value ({@code 1} equals
 * {@code 1.0}), object members are equal regardless of their order, and {@code null} is a value.
 */
public sealed interface JsonValue {

    /** The JSON {@code null}: an explicit value, unlike a missing key. */
    enum Null implements JsonValue {
        INSTANCE
    }

    /** {@code true} or {@code false}. */
    enum Bool implements JsonValue {
        TRUE, FALSE;

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        public boolean value() {
            return this == TRUE;
        }
    }

    /** A string. */
    record Str(String value) implements JsonValue {
        public Str {
            if (value == null) {
                throw new IllegalArgumentException("a JSON string is never null");
            }
        }
    }

    /** A number, kept as written for output and compared by value. */
    record Num(BigDecimal value) implements JsonValue {
        public Num {
            if (value == null) {
                throw new IllegalArgumentException("a JSON number is never null");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Num num && value.compareTo(num.value) == 0;
        }

        /**
         * Equal numbers have the same double, whatever their scale; stripTrailingZeros would be exact too,
         * but throws for scales near the int limits.
         */
        @Override
        public int hashCode() {
            return Double.hashCode(value.doubleValue());
        }
    }

    /** An array; element order matters. */
    record Arr(List<JsonValue> elements) implements JsonValue {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    /** An object; member order is kept for output but ignored by equality. */
    record Obj(Map<String, JsonValue> members) implements JsonValue {
        public static final Obj EMPTY = new Obj(Map.of());

        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Optional<JsonValue> member(String name) {
            return Optional.ofNullable(members.get(name));
        }
    }
}
