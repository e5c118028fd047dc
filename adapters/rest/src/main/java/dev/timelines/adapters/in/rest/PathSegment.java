package dev.timelines.adapters.in.rest;

import dev.timelines.domain.InvalidValueException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a percent-encoded path segment strictly. The server's own decoding turns bytes that are not UTF-8
 * into U+FFFD, so that {@code a%FFb} and {@code a%FEb} would silently name the same timeline.
 */
final class PathSegment {

    private PathSegment() {
    }

    /** The segment's text; refused when a '%' is not followed by two hex digits or the bytes are not UTF-8. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            } else if (i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                throw new InvalidValueException("'%' must be followed by two hex digits");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidValueException("the percent-encoded bytes are not UTF-8");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
