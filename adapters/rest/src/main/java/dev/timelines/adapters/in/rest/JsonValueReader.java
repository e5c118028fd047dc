package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.timelines.domain.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser straight into the domain's {@link JsonValue}. Numbers keep
 * their exact decimal text (no double rounding), and a key repeated within one object is refused.
 */
final class JsonValueReader {

    /** The largest exponent magnitude kept; JSON numbers are at most 1000 digits, far inside int scale. */
    private static final int MAX_SCALE = 1_000_000_000;

    private JsonValueReader() {
    }

    /** Reads the parser's whole input as one value; anything after it is malformed. */
    static JsonValue readWhole(JsonParser parser) throws IOException {
        parser.nextToken();
        JsonValue value = read(parser);
        if (parser.nextToken() != null) {
            throw new MalformedBodyException("unexpected content after the JSON value");
        }
        return value;
    }

    /** Reads the value starting at the parser's current token, leaving the parser on its last token. */
    static JsonValue read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new MalformedBodyException("expected a JSON value, found the end of the input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> new JsonValue.Str(wellFormed(parser.getText()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(decimal(parser));
            case VALUE_TRUE -> JsonValue.Bool.TRUE;
            case VALUE_FALSE -> JsonValue.Bool.FALSE;
            case VALUE_NULL -> JsonValue.Null.INSTANCE;
            default -> throw new MalformedBodyException("unexpected " + token + " in JSON input");
        };
    }

    /**
     * The number's exact value. An exponent beyond what BigDecimal holds (1e9999999999) is malformed input, and so
     * is one near that limit (100e2147483647): later arithmetic on it, such as stripping zeros to hash it, would
     * overflow BigDecimal's int scale.
     */
    private static BigDecimal decimal(JsonParser parser) throws IOException {
        try {
            BigDecimal value = parser.getDecimalValue();
            if (Math.abs((long) value.scale()) <= MAX_SCALE) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below
        }
        String text = parser.getText();
        throw new MalformedBodyException("the number " + (text.length() <= 64 ? text : text.substring(0, 61) + "...")
                + " is out of range");
    }

    private static JsonValue.Obj readObject(JsonParser parser) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = wellFormed(parser.currentName());
            parser.nextToken();
            if (members.put(name, read(parser)) != null) {
                throw new MalformedBodyException("the key '" + name + "' appears twice in one object");
            }
        }
        return new JsonValue.Obj(members);
    }

    /**
     * JSON escapes can spell an unpaired surrogate ({@code "\\ud800"}), which has no UTF-8 form: refused, so
     * that what is stored reads back unchanged.
     */
    private static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedBodyException("a string holds an unpaired surrogate (\\u%04x)".formatted((int) c));
            }
        }
        return text;
    }

    private static JsonValue.Arr readArray(JsonParser parser) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(read(parser));
        }
        return new JsonValue.Arr(elements);
    }
}
