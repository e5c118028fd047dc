package dev.timelines.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import dev.timelines.domain.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the text jsonb parameters and results travel in. Numbers are read as exact decimals; jsonb
 * writes them without exponent, up to PostgreSQL's numeric range (147k digits), hence the raised limits.
 */
final class JsonText {

    private static final int MAX_DEPTH = 10_000;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(200_000).maxNestingDepth(MAX_DEPTH).maxStringLength(Integer.MAX_VALUE).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonText() {
    }

    static String write(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static JsonValue read(String text) {
        try (JsonParser in = FACTORY.createParser(text)) {
            in.nextToken();
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL returned JSON this service cannot read", e);
        }
    }

    static JsonValue.Obj readObject(String text) {
        return (JsonValue.Obj) read(text);
    }

    private static void write(JsonValue value, JsonGenerator out) throws IOException {
        if (value instanceof JsonValue.Str str) {
            out.writeString(str.value());
        } else if (value instanceof JsonValue.Num num) {
            out.writeNumber(num.value());
        } else if (value instanceof JsonValue.Bool bool) {
            out.writeBoolean(bool.value());
        } else if (value instanceof JsonValue.Obj obj) {
            out.writeStartObject();
            for (Map.Entry<String, JsonValue> member : obj.members().entrySet()) {
                out.writeFieldName(member.getKey());
                write(member.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof JsonValue.Arr arr) {
            out.writeStartArray();
            for (JsonValue element : arr.elements()) {
                write(element, out);
            }
            out.writeEndArray();
        } else {
            out.writeNull();
        }
    }

    private static JsonValue read(JsonParser in) throws IOException {
        JsonToken token = in.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    in.nextToken();
                    members.put(name, read(in));
                }
                yield new JsonValue.Obj(members);
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(in));
                }
                yield new JsonValue.Arr(elements);
            }
            case VALUE_STRING -> new JsonValue.Str(in.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(in.getDecimalValue());
            case VALUE_TRUE -> JsonValue.Bool.TRUE;
            case VALUE_FALSE -> JsonValue.Bool.FALSE;
            case VALUE_NULL -> JsonValue.Null.INSTANCE;
            default -> throw new IOException("unexpected " + token);
        };
    }
}
