package dev.timelines.adapters.in.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Ingest into many timelines at once: every event names its timeline. */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final EventIngestion ingestion;

    public EventsResource(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Adds events to the timelines they name", description = "One event object, a JSON array of"
            + " them, or application/x-ndjson; every event carries \"timeline\": \"<key>\". All or nothing.")
    public Replies.Ingested ingest(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.store(body, contentType, contentEncoding, EventReader.naming());
    }
}
