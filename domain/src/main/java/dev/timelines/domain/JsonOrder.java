package dev.timelines.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A total order of JSON values that agrees with JSON equality (equal values compare as 0), so answers that
 * list values can break ties the same way in every storage adapter: null, false, true, numbers by value,
 * strings by code point, arrays element by element, objects by their members sorted by name.
 */
public final class JsonOrder implements Comparator<JsonValue> {

    public static final JsonOrder INSTANCE = new JsonOrder();

    private JsonOrder() {
    }

    @Override
    public int compare(JsonValue a, JsonValue b) {
        int byKind = Integer.compare(rank(a), rank(b));
        if (byKind != 0) {
            return byKind;
        }
        if (a instanceof JsonValue.Num x && b instanceof JsonValue.Num y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof JsonValue.Str x && b instanceof JsonValue.Str y) {
            return CodePointOrder.INSTANCE.compare(x.value(), y.value());
        }
        if (a instanceof JsonValue.Arr x && b instanceof JsonValue.Arr y) {
            return compareElements(x.elements(), y.elements());
        }
        if (a instanceof JsonValue.Obj x && b instanceof JsonValue.Obj y) {
            return compareMembers(sortedMembers(x), sortedMembers(y));
        }
        return 0;
    }

    private static int rank(JsonValue value) {
        if (value instanceof JsonValue.Null) {
            return 0;
        }
        if (value instanceof JsonValue.Bool bool) {
            return bool.value() ? 2 : 1;
        }
        if (value instanceof JsonValue.Num) {
            return 3;
        }
        if (value instanceof JsonValue.Str) {
            return 4;
        }
        return value instanceof JsonValue.Arr ? 5 : 6;
    }

    private int compareElements(List<JsonValue> a, List<JsonValue> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byElement = compare(a.get(i), b.get(i));
            if (byElement != 0) {
                return byElement;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareMembers(List<Map.Entry<String, JsonValue>> a, List<Map.Entry<String, JsonValue>> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byName = CodePointOrder.INSTANCE.compare(a.get(i).getKey(), b.get(i).getKey());
            if (byName != 0) {
                return byName;
            }
            int byValue = compare(a.get(i).getValue(), b.get(i).getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Map.Entry<String, JsonValue>> sortedMembers(JsonValue.Obj object) {
        List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.members().entrySet());
        members.sort(Map.Entry.comparingByKey(CodePointOrder.INSTANCE));
        return members;
    }
}
