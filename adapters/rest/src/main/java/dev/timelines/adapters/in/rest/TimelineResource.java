package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.in.ExportEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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

/** One timeline: ingest into it, its summary, events, history views, transitions and state; deleting it. */
@Path("/timelines/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timeline", description = "One timeline: ingest into it, its events, history views, transitions and"
        + " state; deleting it.")
public class TimelineResource {

    /** The seed's events (docs/api.md), as a JSON array; an NDJSON example has them one per line. */
    private static final String SEED_EVENTS = "[{\"timestamp\": 1680945987, \"data\": {\"key\": \"start\"}},"
            + " {\"timestamp\": 1680945989, \"data\": {\"key\": \"wait\"}},"
            + " {\"timestamp\": 1680946010, \"data\": {\"key\": \"wait\"}},"
            + " {\"timestamp\": 1680946015, \"data\": {\"key\": \"end\"}}]";

    private final EventIngestion ingestion;
    private final InspectTimelineUseCase inspect;
    private final DeleteTimelineUseCase delete;
    private final ExportEventsUseCase exports;
    private final QueryParameters parameters;
    private final ObjectMapper mapper;

    public TimelineResource(EventIngestion ingestion, InspectTimelineUseCase inspect, DeleteTimelineUseCase delete,
            ExportEventsUseCase exports, QueryParameters parameters, ObjectMapper mapper) {
        this.ingestion = ingestion;
        this.inspect = inspect;
        this.delete = delete;
        this.exports = exports;
        this.parameters = parameters;
        this.mapper = mapper;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "ingestIntoTimeline", summary = "Adds events to this timeline",
            description = "The body is one event object, a JSON array of them, or NDJSON (Content-Type:"
                    + " application/x-ndjson, one event per line; blank lines are ignored). Any other content type"
                    + " is read as JSON. All or nothing: when any event is invalid nothing is stored, and the 400"
                    + " lists every problem with where it is. The reply comes once the events are stored durably."
                    + " Events may arrive in any order; each takes its place by timestamp.")
    @RequestBody(required = true, description = "One event, a JSON array of events, or NDJSON.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(oneOf = {IngestBodies.Event.class, IngestBodies.Events.class}),
                examples = {
                    @ExampleObject(name = "one-event", summary = "One event with an id",
                            value = "{\"timestamp\": \"2023-11-14T22:13:20Z\", \"id\": \"evt-1\","
                                    + " \"data\": {\"status\": \"paid\"}}"),
                    @ExampleObject(name = "seed", summary = "The seed's four events as a JSON array",
                            value = SEED_EVENTS)
                }),
        @Content(mediaType = EventBodyReader.NDJSON,
                schema = @Schema(type = SchemaType.STRING, description = "One event object (see Event) per line;"
                        + " blank lines are ignored. Every bad line is named in the 400 as 'line N'."),
                examples = @ExampleObject(name = "seed", summary = "The seed's four events, one per line",
                        value = SEED_EVENTS))
    })
    @APIResponse(responseCode = "200", description = "Every event of the request was stored or was a duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.Ingested.class),
                    examples = {
                        @ExampleObject(name = "seed", value = "{\"accepted\":4,\"duplicates\":0}"),
                        @ExampleObject(name = "sent-again", summary = "The same event with its id, sent again",
                                value = "{\"accepted\":0,\"duplicates\":1}")
                    }))
    @APIResponse(responseCode = "400", description = "An event is invalid, or the body is not JSON: nothing was"
            + " stored; 'errors' lists every problem with where it is.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "two-bad-lines", value = "{\"type\":"
                            + "\"https://timelines.dev/problems/invalid-request\",\"title\":\"Bad Request\","
                            + "\"status\":400,\"detail\":\"the request has 2 problem(s); nothing was stored\","
                            + "\"errors\":[{\"at\":\"line 2\",\"message\":\"'timestamp': '1680945987' is not an"
                            + " RFC 3339 date-time\"},{\"at\":\"line 3\",\"message\":\"'data': required\"}]}")))
    @APIResponse(responseCode = "413", ref = "BodyTooLarge")
    public Replies.Ingested ingest(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = ParameterDocs.CONTENT_ENCODING)
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.store(body, contentType, contentEncoding, EventReader.forTimeline(parameters.key(key)));
    }

    @GET
    @Operation(operationId = "describeTimeline",
            summary = "Counts, first and last timestamps, and top-level attribute names of a timeline",
            description = "The timeline's summary, as known at asOf.")
    @APIResponse(responseCode = "200", description = "The timeline's summary.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.TimelineInfo.class),
                    examples = @ExampleObject(name = "seed", value = "{\"key\":\"t\",\"events\":4,"
                            + "\"first\":1680945987,\"last\":1680946015,\"attributes\":[\"key\"]}")))
    @APIResponse(responseCode = "404", ref = "TimelineNotFound")
    public Replies.TimelineInfo describe(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        return Replies.TimelineInfo.of(inspect.describe(parameters.key(key), parameters.reading(asOf).asOf()));
    }

    @GET
    @Path("events")
    @Operation(operationId = "listTimelineEvents", summary = "The timeline's events in (timestamp, seq) order, paged",
            description = "The events whose timestamp lies in [since, until), as stored: timestamp, seq (arrival"
                    + " order), received (when the server accepted them), id when given, and data. With Accept:"
                    + " application/x-ndjson instead: the export of this timeline, every event in seq order, one"
                    + " ExportedEvent per line, not paged (the query parameters do not apply), as GET /events"
                    + " exports the store.")
    @APIResponse(responseCode = "200", description = "One page of events; or, as NDJSON, every event in seq order.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Replies.EventPage.class),
                        examples = @ExampleObject(name = "seed-first-page", summary = "limit=2",
                                value = "{\"items\":[{\"timestamp\":1680945987,\"seq\":1,"
                                        + "\"received\":1764237600.123456,\"data\":{\"key\":\"start\"}},"
                                        + "{\"timestamp\":1680945989,\"seq\":2,\"received\":1764237600.123456,"
                                        + "\"data\":{\"key\":\"wait\"}}],\"next\":\"dDE6MTY4MDk0NTk4OTAwMDAwMDoy\"}")),
                @Content(mediaType = EventBodyReader.NDJSON,
                        schema = @Schema(type = SchemaType.STRING, description = "One ExportedEvent per line, in"
                                + " increasing seq order."),
                        examples = @ExampleObject(name = "seed", summary = "The first two events of the seed",
                                value = EventsResource.EXPORTED))
            })
    @APIResponse(responseCode = "404", ref = "TimelineNotFound")
    public Replies.EventPage events(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return Replies.EventPage.of(inspect.events(parameters.key(key), parameters.window(since, until, reading),
                reading.asOf(), parameters.page(limit, cursor)));
    }

    /**
     * {@code GET /timelines/{key}/events} with {@code Accept: application/x-ndjson}: chosen by JAX-RS over
     * {@link #events} for that media type only, and documented there (one path and method is one operation).
     */
    @GET
    @Path("events")
    @Produces(EventBodyReader.NDJSON)
    @Operation(hidden = true)
    public Response export(@Encoded @PathParam("key") String key, @Context HttpServerResponse response) {
        return NdjsonExport.reply(mapper, exports.exportTimeline(parameters.key(key))::run, response);
    }

    @GET
    @Path("history")
    @Operation(operationId = "getHistory", summary = "The changes or all view of one attribute",
            description = "changes: the events that have the attribute, minus those repeating the previous value"
                    + " (the change points). all: one point per event from the first that has the attribute on, an"
                    + " event lacking it carrying the previous value forward. The view is computed over the whole"
                    + " timeline, then cut to [since, until). An attribute the timeline never had gives an empty"
                    + " history. format=pairs answers one bare array of [timestamp, value] pairs, not paged.")
    @APIResponse(responseCode = "200", description = "A page of points (format=items), or every point as"
            + " [timestamp, value] pairs (format=pairs).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {Replies.PointPage.class, Replies.PointPairs.class}),
                    examples = {
                        @ExampleObject(name = "seed-changes", summary = "mode=changes",
                                value = "{\"items\":[{\"timestamp\":1680945987,\"value\":\"start\"},"
                                        + "{\"timestamp\":1680945989,\"value\":\"wait\"},"
                                        + "{\"timestamp\":1680946015,\"value\":\"end\"}],\"next\":null}"),
                        @ExampleObject(name = "seed-all-pairs", summary = "mode=all&format=pairs",
                                value = "[[1680945987,\"start\"],[1680945989,\"wait\"],[1680946010,\"wait\"],"
                                        + "[1680946015,\"end\"]]")
                    }))
    @APIResponse(responseCode = "404", ref = "TimelineNotFound")
    public StreamingOutput history(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(description = "changes: change points only; all: one point per event.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"changes", "all"},
                            defaultValue = "changes"))
            @QueryParam("mode") String mode,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(description = "items: a page of {timestamp, value} objects; pairs: one bare array of"
                    + " [timestamp, value] pairs, not paged (limit and cursor are ignored).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"items", "pairs"},
                            defaultValue = "items"))
            @QueryParam("format") String format,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        TimelineKey timeline = parameters.key(key);
        Attribute name = parameters.attribute(attribute);
        Reading reading = parameters.reading(asOf);
        Window window = parameters.window(since, until, reading);
        if (format != null && !format.equals("pairs") && !format.equals("items")) {
            throw InvalidRequestException.parameter("format", "must be 'items' or 'pairs'");
        }
        if ("pairs".equals(format)) {
            return StreamedReply.array(mapper.getFactory(), inspect.history(timeline, name, parameters.mode(mode),
                    window, reading.asOf(), PageRequest.EVERYTHING).items(), Replies.Point::writePair);
        }
        return StreamedReply.page(mapper.getFactory(), inspect.history(timeline, name, parameters.mode(mode), window,
                reading.asOf(), parameters.page(limit, cursor)), Replies.Point::write);
    }

    @GET
    @Path("transitions")
    @Operation(operationId = "listTimelineTransitions",
            summary = "This timeline's transitions of one attribute whose time lies in the window, paged",
            description = "A transition joins two consecutive change points: 'at' is the later one's time, 'duration'"
                    + " the seconds spent in 'from'. The first change point is an entry, listed only with"
                    + " entries=true.")
    @APIResponse(responseCode = "200", description = "One page of transitions, by time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.TransitionPage.class),
                    examples = @ExampleObject(name = "seed", summary = "attribute=key&entries=true",
                            value = "{\"items\":[{\"timeline\":\"t\",\"at\":1680945987,\"to\":\"start\","
                                    + "\"entry\":true},{\"timeline\":\"t\",\"at\":1680945989,\"from\":\"start\","
                                    + "\"to\":\"wait\",\"duration\":2,\"entry\":false},{\"timeline\":\"t\","
                                    + "\"at\":1680946015,\"from\":\"wait\",\"to\":\"end\",\"duration\":26,"
                                    + "\"entry\":false}],\"next\":null}")))
    @APIResponse(responseCode = "404", ref = "TimelineNotFound")
    public StreamingOutput transitions(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(description = ParameterDocs.ENTRIES,
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("entries") String entries,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return StreamedReply.page(mapper.getFactory(), inspect.transitions(parameters.key(key),
                parameters.attribute(attribute), parameters.window(since, until, reading),
                parameters.flag("entries", entries), reading.asOf(), parameters.page(limit, cursor)),
                Replies.TransitionItem::write);
    }

    @GET
    @Path("state")
    @Operation(operationId = "getState",
            summary = "The value of one attribute at a moment (now when 'at' is omitted), and since when",
            description = "The state at T is the value of the last change point at or before T (equal timestamps:"
                    + " the highest seq); 'since' is that change point's time. No change point at or before T is a"
                    + " 404.")
    @APIResponse(responseCode = "200", description = "The state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.StateItem.class),
                    examples = @ExampleObject(name = "seed", summary = "attribute=key&at=1680946000",
                            value = "{\"value\":\"wait\",\"since\":1680945989}")))
    @APIResponse(responseCode = "404", description = "No timeline has this key, or it has no state of the"
            + " attribute at that moment (no change point at or before it).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-state", summary = "attribute=key&at=1680945000",
                            value = "{\"type\":\"https://timelines.dev/problems/not-found\",\"title\":"
                                    + "\"Not Found\",\"status\":404,\"detail\":\"timeline 't' has no state of 'key'"
                                    + " at 1680945000\"}")))
    public Replies.StateItem state(@Parameter(ref = "key") @Encoded @PathParam("key") String key,
            @Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "at") @QueryParam("at") String at,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        Timestamp moment = parameters.at(at, reading);
        TimelineKey timeline = parameters.key(key);
        return inspect.state(timeline, parameters.attribute(attribute), moment, reading.asOf())
                .map(Replies.StateItem::of)
                .orElseThrow(() -> new NoStateException("timeline '" + timeline + "' has no state of '" + attribute
                        + "' at " + moment));
    }

    @DELETE
    @Operation(operationId = "deleteTimeline", summary = "Removes the timeline, its event ids and everything derived"
            + " from it",
            description = "Deletions are not versioned: the timeline is gone at every asOf, and its event ids are"
                    + " forgotten, so the same ids may be sent again.")
    @APIResponse(responseCode = "204", description = "Deleted; no body.")
    @APIResponse(responseCode = "404", ref = "TimelineNotFound")
    public Response delete(@Parameter(ref = "key") @Encoded @PathParam("key") String key) {
        delete.delete(parameters.key(key));
        return Response.noContent().build();
    }
}
