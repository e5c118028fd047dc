package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.ExportEventsUseCase;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/**
 * Ingest into many timelines at once: every event names its timeline; and the whole store out and in again, as
 * NDJSON that keeps every event's seq, received time and id (docs/api.md, "Export and import").
 */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "Ingest into many timelines at once: every event names its timeline. Export and"
        + " import of the whole store.")
public class EventsResource {

    /** Two events of the seed (docs/api.md) as exported: one per line in NDJSON, here a JSON array. */
    static final String EXPORTED = "[{\"timeline\":\"t\",\"seq\":1,\"received\":1764237600.123456,"
            + "\"timestamp\":1680945987,\"data\":{\"key\":\"start\"}},"
            + " {\"timeline\":\"t\",\"seq\":2,\"received\":1764237600.123456,"
            + "\"timestamp\":1680945989,\"data\":{\"key\":\"wait\"}}]";

    private final EventIngestion ingestion;
    private final ExportEventsUseCase exports;
    private final ObjectMapper mapper;

    public EventsResource(EventIngestion ingestion, ExportEventsUseCase exports, ObjectMapper mapper) {
        this.ingestion = ingestion;
        this.exports = exports;
        this.mapper = mapper;
    }

    @GET
    @Produces(EventBodyReader.NDJSON)
    @Operation(operationId = "exportEvents", summary = "Every stored event in seq order, as NDJSON",
            description = "The whole store, streamed: one ExportedEvent per line (timeline, seq, received, id when"
                    + " given, timestamp, data) in increasing seq order, not paged, in memory that does not grow with"
                    + " the store. POST /events/import stores it again as it was. Ask with Accept:"
                    + " application/x-ndjson. Events stored or deleted while the export runs may or may not be in"
                    + " it (on PostgreSQL it is one snapshot). A failure midway cuts the reply short: the chunked"
                    + " body then does not end properly.")
    @APIResponse(responseCode = "200", description = "Every stored event, one per line.",
            content = @Content(mediaType = EventBodyReader.NDJSON,
                    schema = @Schema(type = SchemaType.STRING, description = "One ExportedEvent per line, in"
                            + " increasing seq order."),
                    examples = @ExampleObject(name = "seed", summary = "The first two events of the seed",
                            value = EXPORTED)))
    public Response export(@Context HttpServerResponse response) {
        return NdjsonExport.reply(mapper, exports::exportAll, response);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "importEvents", summary = "Stores exported events again as they were",
            description = "The body is what GET /events wrote (NDJSON, Content-Type: application/x-ndjson), or a"
                    + " JSON array or object of the same events. Each event keeps its seq, received time and id;"
                    + " seqs must increase along the body, and received times never go back. All or nothing: an"
                    + " invalid event is a 400 naming every problem. The first seq must lie above every seq the"
                    + " store has given (an empty store, or the continuation of an import), else a 409"
                    + " seq-conflict and nothing is stored. An id the timeline holds already counts as a duplicate,"
                    + " as on ingest. Seqs given by later ingests follow the highest imported. The reply comes once"
                    + " the events are stored durably.")
    @RequestBody(required = true, description = "Exported events, in increasing seq order.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(oneOf = {Replies.ExportedEvent.class, Replies.ExportedEvents.class}),
                examples = @ExampleObject(name = "seed", value = EXPORTED)),
        @Content(mediaType = EventBodyReader.NDJSON,
                schema = @Schema(type = SchemaType.STRING, description = "One ExportedEvent per line, as GET /events"
                        + " writes them; blank lines are ignored. Every bad line is named in the 400 as 'line N'."),
                examples = @ExampleObject(name = "seed", summary = "Two events, one per line", value = EXPORTED))
    })
    @APIResponse(responseCode = "200", description = "Every event of the request was stored or was a duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.Ingested.class),
                    examples = @ExampleObject(name = "seed", value = "{\"accepted\":2,\"duplicates\":0}")))
    @APIResponse(responseCode = "400", description = "An event is invalid, or the seqs do not increase: nothing was"
            + " stored; 'errors' lists every problem with where it is.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-seq", value = "{\"type\":"
                            + "\"https://timelines.dev/problems/invalid-request\",\"title\":\"Bad Request\","
                            + "\"status\":400,\"detail\":\"the request has 1 problem(s); nothing was stored\","
                            + "\"errors\":[{\"at\":\"line 1\",\"message\":\"'seq': required\"}]}")))
    @APIResponse(responseCode = "409", description = "The first seq is not above the store's highest seq: nothing was"
            + " stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "seq-taken", value = "{\"type\":"
                            + "\"https://timelines.dev/problems/seq-conflict\",\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"seq 1 is not above the store's highest seq, 4: an import keeps its seqs, so"
                            + " it goes into an empty store or after what the store holds; nothing was stored\","
                            + "\"errors\":[{\"at\":\"seq 1\",\"message\":\"not above the store's highest seq, 4\"}]}")))
    @APIResponse(responseCode = "413", ref = "BodyTooLarge")
    public Replies.Ingested importEvents(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = ParameterDocs.CONTENT_ENCODING)
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.restore(body, contentType, contentEncoding);
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
            @Parameter(description = ParameterDocs.CONTENT_ENCODING)
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.store(body, contentType, contentEncoding, EventReader.naming());
    }
}
