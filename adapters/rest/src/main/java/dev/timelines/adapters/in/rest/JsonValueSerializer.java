package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.timelines.domain.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.util.Map;

/**
 * Writes the domain's {@link JsonValue} as the JSON it stands for. Its classes are registered for reflection (the
 * domain cannot carry the annotation): Jackson looks at a value's class before it picks this serializer, and a
 * native image knows only the classes it was told of.
 */
@RegisterForReflection(targets = {JsonValue.Obj.class, JsonValue.Arr.class, JsonValue.Str.class, JsonValue.Num.class,
        JsonValue.Bool.class, JsonValue.Null.class})
final class JsonValueSerializer extends StdSerializer<JsonValue> {

    JsonValueSerializer() {
        super(JsonValue.class);
    }

    @Override
    public void serialize(JsonValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
        write(value, out);
    }

    static void write(JsonValue value, JsonGenerator out) throws IOException {
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
}
