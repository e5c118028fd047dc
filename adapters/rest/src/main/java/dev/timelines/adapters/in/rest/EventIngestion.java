package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.ImportEventsUseCase;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads an ingest or import body into events and stores them, all or nothing: one violation and nothing is
 * stored.
 */
@ApplicationScoped
public class EventIngestion {

    private final IngestEventsUseCase ingest;
    private final ImportEventsUseCase imports;
    private final EventBodyReader bodies;
    private final long maxDataBytes;

    public EventIngestion(IngestEventsUseCase ingest, ImportEventsUseCase imports, ObjectMapper mapper,
            Limits limits) {
        this.ingest = ingest;
        this.imports = imports;
        this.bodies = new EventBodyReader(mapper, limits.bodyBytes());
        this.maxDataBytes = limits.dataBytes();
    }

    Replies.Ingested store(InputStream body, String contentType, String contentEncoding, EventReader reader)
            throws IOException {
        return Replies.Ingested.of(ingest.ingest(read(body, contentType, contentEncoding, reader::read,
                IncomingEvent::data)));
    }

    /** An import: events as an export wrote them, stored with their seq, received time and id. */
    Replies.Ingested restore(InputStream body, String contentType, String contentEncoding) throws IOException {
        return Replies.Ingested.of(imports.restore(read(body, contentType, contentEncoding,
                EventReader.naming()::readExported, event -> event.event().data())));
    }

    private <T> List<T> read(InputStream body, String contentType, String contentEncoding,
            BiFunction<LocatedJson, List<Violation>, Optional<T>> reader, Function<T, JsonValue.Obj> data)
            throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<T> events = new ArrayList<>();
        bodies.read(body, contentType, contentEncoding,
                json -> collect(json, reader, data, events, violations), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    "the request has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        return events;
    }

    /**
     * Events are kept only while the request is still valid: once it is not, the rest of the body is only
     * checked (so that every offence is named), and what a refused body holds takes no memory.
     */
    private <T> void collect(LocatedJson json, BiFunction<LocatedJson, List<Violation>, Optional<T>> reader,
            Function<T, JsonValue.Obj> data, List<T> events, List<Violation> violations) {
        Optional<T> event = reader.apply(json, violations)
                .filter(read -> fits(data.apply(read), json.at(), violations));
        if (violations.isEmpty()) {
            event.ifPresent(events::add);
        } else {
            events.clear();
        }
    }

    private boolean fits(JsonValue.Obj data, String at, List<Violation> violations) {
        long size = JsonSize.of(data, maxDataBytes);
        if (size <= maxDataBytes) {
            return true;
        }
        violations.add(new Violation(at, "'data': larger than " + Limits.DATA_SIZE + " (" + maxDataBytes
                + " bytes as compact JSON)"));
        return false;
    }
}
