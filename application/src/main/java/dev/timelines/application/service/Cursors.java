package dev.timelines.application.service;

import dev.timelines.application.port.in.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors: a kind tag and fields, base64url-encoded so that clients pass them back unchanged.
 * The tag keeps a cursor of one list from being accepted by another.
 */
final class Cursors {

    private Cursors() {
    }

    /** Only the last field may contain ':' (it holds keys and names, which may contain anything). */
    static String encode(String kind, Object... fields) {
        StringBuilder plain = new StringBuilder(kind);
        for (Object field : fields) {
            plain.append(':').append(field);
        }
        byte[] bytes = plain.toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code count} fields of a cursor this class encoded with the same kind. */
    static String[] decode(String kind, String cursor, int count) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        if (!plain.startsWith(kind + ":")) {
            throw new InvalidCursorException();
        }
        String[] fields = plain.substring(kind.length() + 1).split(":", count);
        if (fields.length != count) {
            throw new InvalidCursorException();
        }
        return fields;
    }

    static long number(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
    }
}
