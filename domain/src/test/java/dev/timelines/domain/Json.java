package dev.timelines.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Terse builders for JSON values in tests, and an exact rendering that tells {@code 1} from {@code 1.0}. */
final class Json {

    static final JsonValue NULL = JsonValue.Null.INSTANCE;
    static final JsonValue TRUE = JsonValue.Bool.TRUE;
    static final JsonValue FALSE = JsonValue.Bool.FALSE;

    private Json() {
    }

    static JsonValue str(String value) {
        return new JsonValue.Str(value);
    }

    /** A number exactly as written: {@code num("1.0")} keeps its scale. */
    static JsonValue num(String written) {
        return new JsonValue.Num(new BigDecimal(written));
    }

    static JsonValue num(long value) {
        return new JsonValue.Num(BigDecimal.valueOf(value));
    }

    static JsonValue arr(JsonValue... elements) {
        return new JsonValue.Arr(Arrays.asList(elements));
    }

    /** An object from name/value pairs, members in the order given. */
    static JsonValue.Obj obj(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return new JsonValue.Obj(members);
    }

    /**
     * The value exactly as it would be written back: number scale and member order included. Two values with
     * the same rendering are the same value object for every purpose of these tests.
     */
    static String exact(JsonValue value) {
        if (value instanceof JsonValue.Str s) {
            return '"' + s.value() + '"';
        }
        if (value instanceof JsonValue.Num n) {
            return n.value().toString();
        }
        if (value instanceof JsonValue.Arr a) {
            return a.elements().stream().map(Json::exact).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof JsonValue.Obj o) {
            return o.members().entrySet().stream().map(e -> '"' + e.getKey() + "\":" + exact(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof JsonValue.Bool b) {
            return b.value() ? "true" : "false";
        }
        return "null";
    }
}
