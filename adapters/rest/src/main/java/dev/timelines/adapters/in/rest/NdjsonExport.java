package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.timelines.domain.TimelineEvent;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * An export written to the reply as storage hands the events over, one {@link Replies.ExportedEvent} per line:
 * nothing but the generator's buffer is held, whatever the store's size. It runs on the request's worker thread;
 * writing blocks while the client is slower than storage. Storage failing before anything went out is a problem
 * reply like any other; failing after the status line went out, the reply is cut short (the connection reset), so
 * that the client sees a body that never ends properly rather than a complete-looking short export.
 */
final class NdjsonExport implements StreamingOutput {

    private final ObjectWriter writer;
    private final Consumer<Consumer<TimelineEvent>> export;
    private final Runnable cutShort;

    /**
     * @param export hands the events, in seq order, to the consumer it is given
     * @param cutShort ends the reply abruptly, if it has begun
     */
    NdjsonExport(ObjectMapper mapper, Consumer<Consumer<TimelineEvent>> export, Runnable cutShort) {
        // No separator between values: each line ends in a newline instead (NDJSON), the last one too. One flush at
        // the end, not one per line: the reply goes out in buffer-sized chunks.
        // The reply's stream is not closed here: closing it would end the reply as complete even after a failure.
        this.writer = mapper.writerFor(Replies.ExportedEvent.class)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .withRootValueSeparator("");
        this.export = export;
        this.cutShort = cutShort;
    }

    /** The export as the reply to the request whose response this is. */
    static Response reply(ObjectMapper mapper, Consumer<Consumer<TimelineEvent>> export,
            HttpServerResponse response) {
        return Response.ok(new NdjsonExport(mapper, export, () -> {
            if (response.headWritten()) {
                response.reset();
            }
        })).build();
    }

    @Override
    public void write(OutputStream output) throws IOException {
        try {
            JsonGenerator lines = writer.createGenerator(output);
            export.accept(event -> line(lines, event));
            lines.close();
        } catch (UncheckedIOException e) {
            cutShort.run();
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            cutShort.run();
            throw e;
        }
    }

    private void line(JsonGenerator lines, TimelineEvent event) {
        try {
            writer.writeValue(lines, Replies.ExportedEvent.of(event));
            lines.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
