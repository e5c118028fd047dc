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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ingest into many timelines at once: every event names its timeline. */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "Ingest into many timelines at once: every event names its timeline.")
public class EventsResource {

    private final EventIngestion ingestion;

    public EventsResource(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "ingestEvents", summary = "Adds events to the timelines they name",
            description = "The body is one event object, a JSON array of them, or NDJSON (Content-Type:"
                    + " application/x-ndjson, one event per line; blank lines are ignored); every event carries"
                    + " \"timeline\": \"<key>\". Any other content type is read as JSON. All or nothing: when any event"
                    + " is invalid nothing is stored, and the 400 lists every problem with where it is. The reply"
                    + " comes once the events are stored durably.")
    @RequestBody(required = true, description = "One event, a JSON array of events, or NDJSON.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(oneOf = {IngestBodies.NamedEvent.class, IngestBodies.NamedEvents.class}),
                examples = @ExampleObject(name = "two-orders", value = "[{\"timeline\": \"order-2\", \"timestamp\":"
                        + " 1700000000, \"data\": {\"status\": \"created\"}}, {\"timeline\": \"order-3\","
                        + " \"timestamp\": 1700000005, \"data\": {\"status\": \"created\"}}]")),
        @Content(mediaType = EventBodyReader.NDJSON,
                schema = @Schema(type = SchemaType.STRING, description = "One event object (see NamedEvent) per"
                        + " line; blank lines are ignored. Every bad line is named in the 400 as 'line N'."),
                examples = @ExampleObject(name = "orders", summary = "Three events, one per line",
                        value = "[{\"timeline\": \"order-1\", \"timestamp\": 1700000000, \"data\": {\"status\":"
                                + " \"created\"}}, {\"timeline\": \"order-1\", \"timestamp\": 1700000060, \"data\":"
                                + " {\"status\": \"paid\", \"amount\": 25.5}}, {\"timeline\": \"order-3\","
                                + " \"timestamp\": 1700000020, \"data\": {\"status\": \"created\"}}]"))
    })
    @APIResponse(responseCode = "200", description = "Every event of the request was stored or was a duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.Ingested.class),
                    examples = @ExampleObject(name = "two-orders", value = "{\"accepted\":2,\"duplicates\":0}")))
    @APIResponse(responseCode = "400", description = "An event is invalid, or the body is not JSON: nothing was"
            + " stored; 'errors' lists every problem with where it is.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-timeline", value = "{\"type\":"
                            + "\"https://timelines.dev/problems/invalid-request\",\"title\":\"Bad Request\","
                            + "\"status\":400,\"detail\":\"the request has 1 problem(s); nothing was stored\","
                            + "\"errors\":[{\"at\":\"/1\",\"message\":\"'timeline': required\"}]}")))
    @APIResponse(responseCode = "413", ref = "BodyTooLarge")
    public Replies.Ingested ingest(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "gzip (or x-gzip) for a compressed body; the size limit counts the inflated bytes")
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.store(body, contentType, contentEncoding, EventReader.naming());
    }
}
