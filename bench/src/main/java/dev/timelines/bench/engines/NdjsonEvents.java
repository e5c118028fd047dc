package dev.timelines.bench.engines;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the generated NDJSON as domain events, batch by batch, for the in-process engine. It reads only the
 * shape the generator writes ({@code timeline}, numeric {@code timestamp}, {@code data}); the REST adapter is
 * the validating reader of arbitrary input.
 */
final class NdjsonEvents implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedReader lines;

    private NdjsonEvents(BufferedReader lines) {
        this.lines = lines;
    }

    static NdjsonEvents open(Path file) throws IOException {
        return new NdjsonEvents(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Up to {@code size} events in file (arrival) order; empty at the end of the file. */
    List<IncomingEvent> next(int size) throws IOException {
        List<IncomingEvent> batch = new ArrayList<>(size);
        String line;
        while (batch.size() < size && (line = lines.readLine()) != null) {
            batch.add(event(line));
        }
        return batch;
    }

    /** The {@code timeline} of one line. */
    static String timelineOf(String line) throws IOException {
        try (JsonParser parser = JSON.createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("timeline")) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("no timeline in " + line);
    }

    private static IncomingEvent event(String line) throws IOException {
        try (JsonParser parser = JSON.createParser(line)) {
            parser.nextToken();
            String timeline = null;
            Timestamp timestamp = null;
            JsonValue data = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "timeline" -> timeline = parser.getText();
                    case "timestamp" -> timestamp = Timestamp.ofEpochSeconds(parser.getDecimalValue());
                    case "data" -> data = value(parser);
                    default -> throw new IOException("unexpected field '" + name + "' in " + line);
                }
            }
            if (timeline == null || timestamp == null || !(data instanceof JsonValue.Obj object)) {
                throw new IOException("not a generated event: " + line);
            }
            return new IncomingEvent(new TimelineKey(timeline), timestamp, Optional.empty(), object);
        }
    }

    private static JsonValue value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, value(parser));
                }
                yield new JsonValue.Obj(members);
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(value(parser));
                }
                yield new JsonValue.Arr(elements);
            }
            case VALUE_STRING -> new JsonValue.Str(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(parser.getDecimalValue());
            case VALUE_TRUE -> JsonValue.Bool.TRUE;
            case VALUE_FALSE -> JsonValue.Bool.FALSE;
            case VALUE_NULL -> JsonValue.Null.INSTANCE;
            default -> throw new IOException("unexpected " + parser.currentToken());
        };
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
