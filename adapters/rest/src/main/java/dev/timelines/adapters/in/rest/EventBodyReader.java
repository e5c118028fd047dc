package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.domain.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /*
     * Bytes are split on '\n' and each line is decoded strictly on its own: a decoder reading ahead would
     * report bad UTF-8 at the wrong line, and stop at the first one instead of naming every bad line.
     */
    private List<LocatedJson> readLines(InputStream body, List<Violation> violations) throws IOException {
        List<LocatedJson> values = new ArrayList<>();
        byte[] bytes = body.readAllBytes();
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            String at = "line " + number;
            Optional<String> line = utf8(bytes, start, end - start);
            if (line.isEmpty()) {
                violations.add(new Violation(at, "the line is not valid UTF-8"));
            } else if (!line.get().isBlank()) {
                try (JsonParser parser = mapper.getFactory().createParser(line.get())) {
                    values.add(new LocatedJson(at, readWhole(parser)));
                } catch (JsonProcessingException | MalformedBodyException e) {
                    violations.add(new Violation(at, syntaxMessage(e)));
                }
            }
            start = end + 1;
        }
        return values;
    }

    private List<LocatedJson> readDocument(InputStream body, List<Violation> violations) throws IOException {
        List<LocatedJson> values = new ArrayList<>();
        // Jackson's own UTF-8 decoding lets overlong forms and code points past U+10FFFF through.
        byte[] bytes = body.readAllBytes();
        Optional<String> text = utf8(bytes, 0, bytes.length);
        if (text.isEmpty()) {
            violations.add(new Violation("body", "the body is not valid UTF-8"));
            return values;
        }
        String at = "body";
        try (JsonParser parser = mapper.getFactory().createParser(text.get())) {
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

    /** The text of {@code length} bytes from {@code offset}, without a leading byte order mark; empty if not UTF-8. */
    private static Optional<String> utf8(byte[] bytes, int offset, int length) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
            return Optional.of(offset == 0 && text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
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
