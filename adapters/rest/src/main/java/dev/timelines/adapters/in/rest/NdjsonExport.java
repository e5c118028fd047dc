package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.timelines.domain.TimelineEvent;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * An export written to the reply as storage hands the events over, one {@link Replies.ExportedEvent} per line:
 * nothing but the generator's buffer is held, whatever the store's size. It runs on the request's worker thread;
 * writing blocks while the client is slower than storage. Storage failing midway cuts the reply short: the
 * status line has gone, so the client sees a chunked body that never ends properly, not a problem.
 */
final class NdjsonExport implements StreamingOutput {

    private final ObjectWriter writer;
    private final Consumer<Consumer<TimelineEvent>> export;

    /** @param export hands the events, in seq order, to the consumer it is given */
    NdjsonExport(ObjectMapper mapper, Consumer<Consumer<TimelineEvent>> export) {
        // One flush at the end, not one per line: the reply goes out in buffer-sized chunks.
        // No separator between values: each line ends in a newline instead (NDJSON), the last one too.
        this.writer = mapper.writerFor(Replies.ExportedEvent.class)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).withRootValueSeparator("");
        this.export = export;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        try (JsonGenerator lines = writer.createGenerator(output)) {
            try {
                export.accept(event -> line(lines, event));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
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
