package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.domain.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an ingest body into events and stores them, all or nothing: one violation and nothing is stored. */
@ApplicationScoped
public class EventIngestion {

    private final IngestEventsUseCase ingest;
    private final EventBodyReader bodies;
    private final long maxDataBytes;

    public EventIngestion(IngestEventsUseCase ingest, ObjectMapper mapper, Limits limits) {
        this.ingest = ingest;
        this.bodies = new EventBodyReader(mapper, limits.bodyBytes());
        this.maxDataBytes = limits.dataBytes();
    }

    Replies.Ingested store(InputStream body, String contentType, String contentEncoding, EventReader reader)
            throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        bodies.read(body, contentType, contentEncoding, json -> collect(json, reader, events, violations), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    "the request has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        return Replies.Ingested.of(ingest.ingest(events));
    }

    /**
     * Events are kept only while the request is still valid: once it is not, the rest of the body is only
     * checked (so that every offence is named), and what a refused body holds takes no memory.
     */
    private void collect(LocatedJson json, EventReader reader, List<IncomingEvent> events,
            List<Violation> violations) {
        Optional<IncomingEvent> event = reader.read(json, violations).filter(read -> fits(read, json.at(), violations));
        if (violations.isEmpty()) {
            event.ifPresent(events::add);
        } else {
            events.clear();
        }
    }

    private boolean fits(IncomingEvent event, String at, List<Violation> violations) {
        long size = JsonSize.of(event.data(), maxDataBytes);
        if (size <= maxDataBytes) {
            return true;
        }
        violations.add(new Violation(at, "'data': larger than " + Limits.DATA_SIZE + " (" + maxDataBytes
                + " bytes as compact JSON)"));
        return false;
    }
}
