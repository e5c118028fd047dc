package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Splits an ingest body into its event values: one JSON object, a JSON array of them, or NDJSON (one per
 * line, blank lines ignored), optionally gzip-compressed ({@link ContentCoding}). Syntax errors are collected as
 * violations: every bad NDJSON line is named. The body is read as a stream and never held whole, and each value is
 * handed on as soon as it is read; past {@code timelines.limits.body-size} bytes (counted after inflating a gzip
 * body) reading stops with a {@link BodyTooLargeException}.
 */
final class EventBodyReader {

    static final String NDJSON = "application/x-ndjson";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    EventBodyReader(ObjectMapper mapper, long maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Hands every event value of the body to {@code values}, in order, and adds every syntax error to violations. */
    void read(InputStream body, String contentType, String contentEncoding, Consumer<LocatedJson> values,
            List<Violation> violations) throws IOException {
        InputStream bounded = new BoundedInputStream(ContentCoding.decoded(body, contentEncoding), maxBodyBytes);
        if (contentType != null && contentType.toLowerCase().startsWith(NDJSON)) {
            readLines(bounded, values, violations);
        } else {
            readDocument(bounded, values, violations);
        }
    }

    /*
     * Bytes are split on '\n' and each line is decoded strictly on its own: a decoder reading ahead would
     * report bad UTF-8 at the wrong line, and stop at the first one instead of naming every bad line.
     */
    private void readLines(InputStream body, Consumer<LocatedJson> values, List<Violation> violations)
            throws IOException {
        CharsetDecoder decoder = strictUtf8();
        NdjsonLines lines = new NdjsonLines(body);
        for (int number = 1; lines.next(); number++) {
            String at = "line " + number;
            Optional<String> line = decode(decoder, lines.bytes(), lines.length());
            if (line.isEmpty()) {
                violations.add(new Violation(at, "the line is not valid UTF-8"));
                continue;
            }
            String text = number == 1 ? withoutByteOrderMark(line.get()) : line.get();
            if (text.isBlank()) {
                continue;
            }
            try (JsonParser parser = mapper.getFactory().createParser(text)) {
                values.accept(new LocatedJson(at, JsonValueReader.readWhole(parser)));
            } catch (JsonProcessingException | MalformedBodyException e) {
                violations.add(new Violation(at, syntaxMessage(e)));
            }
        }
    }

    /*
     * Decoded by the JDK's strict decoder as the parser reads: Jackson's own UTF-8 decoding lets overlong forms
     * and code points past U+10FFFF through.
     */
    private void readDocument(InputStream body, Consumer<LocatedJson> values, List<Violation> violations)
            throws IOException {
        String at = "body";
        try (JsonParser parser = mapper.getFactory().createParser(textOf(body))) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                    at = "/" + index;
                    values.accept(new LocatedJson(at, JsonValueReader.read(parser)));
                }
                at = "body";
            } else {
                values.accept(new LocatedJson(at, JsonValueReader.read(parser)));
            }
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("unexpected content after the JSON value");
            }
        } catch (CharacterCodingException e) {
            violations.add(new Violation("body", "the body is not valid UTF-8"));
        } catch (JsonProcessingException | MalformedBodyException e) {
            violations.add(new Violation(at, syntaxMessage(e)));
        }
    }

    /** The body as text, strictly decoded, with a leading byte order mark skipped. */
    private static Reader textOf(InputStream body) throws IOException {
        BufferedReader text = new BufferedReader(new InputStreamReader(body, strictUtf8()));
        text.mark(1);
        if (text.read() != BYTE_ORDER_MARK) {
            text.reset();
        }
        return text;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text of the first {@code length} bytes; empty if they are not UTF-8. */
    private static Optional<String> decode(CharsetDecoder decoder, byte[] bytes, int length) {
        try {
            return Optional.of(decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String syntaxMessage(Exception e) {
        if (e instanceof StreamConstraintsException limit) {
            return "too large: " + Limits.describe(limit);
        }
        if (e instanceof JsonProcessingException json) {
            return "malformed JSON: " + json.getOriginalMessage()
                    + (json.getLocation() == null ? ""
                            : " (line " + json.getLocation().getLineNr() + ", column "
                                    + json.getLocation().getColumnNr() + ")");
        }
        return "malformed JSON: " + e.getMessage();
    }
}
