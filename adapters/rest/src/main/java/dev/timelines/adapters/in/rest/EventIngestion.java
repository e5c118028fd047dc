package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.domain.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads an ingest body into events and stores them, all or nothing: one violation and nothing is stored. */
@ApplicationScoped
public class EventIngestion {

    private final IngestEventsUseCase ingest;
    private final EventBodyReader bodies;

    public EventIngestion(IngestEventsUseCase ingest, ObjectMapper mapper) {
        this.ingest = ingest;
        this.bodies = new EventBodyReader(mapper);
    }

    Replies.Ingested store(InputStream body, String contentType, EventReader reader) throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        for (LocatedJson json : bodies.read(body, contentType, violations)) {
            reader.read(json, violations).ifPresent(events::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(
                    "the request has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        return Replies.Ingested.of(ingest.ingest(events));
    }
}
