package dev.timelines.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names a value inside an event's data: a top-level key ({@code status}) or, when it starts with
 * {@code /}, an RFC 6901 JSON Pointer ({@code /order/status}).
 */
public final class Attribute {

    public static final int MAX_LENGTH = 1024;

    private final String name;
    /** The pointer's unescaped reference tokens; a top-level key is the one token. */
    private final List<String> path;

    public Attribute(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException("an attribute must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidValueException("an attribute must be at most " + MAX_LENGTH + " characters");
        }
        this.name = name;
        this.path = name.charAt(0) == '/' ? pointerTokens(name) : List.of(name);
    }

    public String name() {
        return name;
    }

    /** The member of {@code data} the attribute names when it is one level deep; empty for a nested pointer. */
    public Optional<String> member() {
        return path.size() == 1 ? Optional.of(path.get(0)) : Optional.empty();
    }

    /** The attribute's value in {@code data}, or empty when the event carries no such value. */
    public Optional<JsonValue> valueIn(JsonValue.Obj data) {
        JsonValue current = data;
        for (String token : path) {
            current = child(current, token);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private static JsonValue child(JsonValue parent, String token) {
        if (parent instanceof JsonValue.Obj obj) {
            return obj.members().get(token);
        }
        if (parent instanceof JsonValue.Arr arr && isArrayIndex(token)) {
            int index = Integer.parseInt(token);
            return index < arr.elements().size() ? arr.elements().get(index) : null;
        }
        return null;
    }

    private static boolean isArrayIndex(String token) {
        return token.matches("0|[1-9][0-9]{0,8}");
    }

    private static List<String> pointerTokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(unescape(raw, pointer));
        }
        return List.copyOf(tokens);
    }

    private static String unescape(String token, String pointer) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '~') {
                out.append(c);
            } else if (i + 1 < token.length() && (token.charAt(i + 1) == '0' || token.charAt(i + 1) == '1')) {
                out.append(token.charAt(++i) == '0' ? '~' : '/');
            } else {
                throw new InvalidValueException("'" + Timestamp.abbreviate(pointer)
                        + "' is not a JSON Pointer: '~' must be followed by 0 or 1");
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attribute attribute && attribute.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
