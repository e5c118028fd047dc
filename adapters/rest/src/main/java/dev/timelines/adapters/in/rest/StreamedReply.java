package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.timelines.application.port.in.Page;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A list reply written row by row straight to the response stream with Jackson's generator: the answer's rows go
 * out as they are read, with no reply record per row, no JSON tree and no reflection. The profile of issue 16
 * (docs/benchmarks.md) found building and serialising those records to be most of a long list's cost in the
 * service. The shapes are those the records of {@link Replies} and {@link AnalysisReplies} describe in the OpenAPI
 * document, and each record's {@code write} writes its own shape, so that a shape is defined in one place.
 *
 * <p>The answer is complete before the reply starts (the use case has returned), so a failure here can only be the
 * client's connection.
 */
final class StreamedReply<T> implements StreamingOutput {

    /** Writes one row of the list. */
    interface Row<T> {
        void write(ReplyJson json, T row) throws IOException;
    }

    private enum Shape {
        /** {@code {"items": [...], "next": cursor-or-null}}. */
        PAGE,
        /** A bare array. */
        ARRAY,
        /** NDJSON: one row per line, each ended by a newline. */
        LINES
    }

    private final JsonFactory json;
    private final Shape shape;
    private final List<T> rows;
    private final Optional<String> next;
    private final Row<T> row;

    private StreamedReply(JsonFactory json, Shape shape, List<T> rows, Optional<String> next, Row<T> row) {
        this.json = json;
        this.shape = shape;
        this.rows = rows;
        this.next = next;
        this.row = row;
    }

    static <T> StreamedReply<T> page(JsonFactory json, Page<T> page, Row<T> row) {
        return new StreamedReply<>(json, Shape.PAGE, page.items(), page.next(), row);
    }

    static <T> StreamedReply<T> array(JsonFactory json, List<T> rows, Row<T> row) {
        return new StreamedReply<>(json, Shape.ARRAY, rows, Optional.empty(), row);
    }

    static <T> StreamedReply<T> lines(JsonFactory json, List<T> rows, Row<T> row) {
        return new StreamedReply<>(json, Shape.LINES, rows, Optional.empty(), row);
    }

    @Override
    public void write(OutputStream output) throws IOException {
        // The framework ends the reply; closing the stream here is not this writer's business.
        try (JsonGenerator out = json.createGenerator(output, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            ReplyJson reply = new ReplyJson(out);
            switch (shape) {
                case PAGE -> {
                    out.writeStartObject();
                    out.writeArrayFieldStart("items");
                    rows(reply);
                    out.writeEndArray();
                    out.writeStringField("next", next.orElse(null));
                    out.writeEndObject();
                }
                case ARRAY -> {
                    out.writeStartArray();
                    rows(reply);
                    out.writeEndArray();
                }
                case LINES -> {
                    // Values at the root with no separator but the newline each line ends with.
                    out.setRootValueSeparator(null);
                    for (T item : rows) {
                        row.write(reply, item);
                        out.writeRaw('\n');
                    }
                }
            }
        }
    }

    private void rows(ReplyJson reply) throws IOException {
        for (T item : rows) {
            row.write(reply, item);
        }
    }
}
