package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.domain.JsonValue;
import java.io.BufferedReader;
import java.nio.charset.CharacterCodingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an ingest body into its event values: one JSON object, a JSON array of them, or NDJSON (one per
 * line, blank lines ignored). Syntax errors are collected as violations: every bad NDJSON line is named.
 */
final class EventBodyReader {

    static final String NDJSON = "application/x-ndjson";

    private final ObjectMapper mapper;

    EventBodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<LocatedJson> read(InputStream body, String contentType, List<Violation> violations) throws IOException {
        if (contentType != null && contentType.toLowerCase().startsWith(NDJSON)) {
            return readLines(body, violations);
        }
        return readDocument(body, violations);
    }

    private List<LocatedJson> readLines(InputStream body, List<Violation> violations) throws IOException {
        List<LocatedJson> values = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        int number = 0;
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (CharacterCodingException e) {
                violations.add(new Violation("line " + (number + 1), "the line is not valid UTF-8"));
                return values;
            }
            if (line == null) {
                return values;
            }
            number++;
            if (!line.isBlank()) {
                String at = "line " + number;
                try (JsonParser parser = mapper.getFactory().createParser(line)) {
                    values.add(new LocatedJson(at, readWhole(parser)));
                } catch (JsonProcessingException | MalformedBodyException e) {
                    violations.add(new Violation(at, syntaxMessage(e)));
                }
            }
        }
    }

    private List<LocatedJson> readDocument(InputStream body, List<Violation> violations) throws IOException {
        List<LocatedJson> values = new ArrayList<>();
        String at = "body";
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                    at = "/" + index;
                    values.add(new LocatedJson(at, JsonValueReader.read(parser)));
                }
                at = "body";
            } else {
                values.add(new LocatedJson(at, JsonValueReader.read(parser)));
            }
            requireEnd(parser);
        } catch (JsonProcessingException | MalformedBodyException e) {
            violations.add(new Violation(at, syntaxMessage(e)));
        }
        return values;
    }

    private static JsonValue readWhole(JsonParser parser) throws IOException {
        parser.nextToken();
        JsonValue value = JsonValueReader.read(parser);
        requireEnd(parser);
        return value;
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new MalformedBodyException("unexpected content after the JSON value");
        }
    }

    private static String syntaxMessage(Exception e) {
        if (e instanceof JsonProcessingException json) {
            return "malformed JSON: " + json.getOriginalMessage()
                    + (json.getLocation() == null ? ""
                            : " (line " + json.getLocation().getLineNr() + ", column "
                                    + json.getLocation().getColumnNr() + ")");
        }
        return "malformed JSON: " + e.getMessage();
    }
}
