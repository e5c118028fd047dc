package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One timeline: ingest into it, its summary, events, history views, transitions and state; deleting it. */
@Path("/timelines/{key}")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final EventIngestion ingestion;
    private final InspectTimelineUseCase inspect;
    private final DeleteTimelineUseCase delete;
    private final QueryParameters parameters;

    public TimelineResource(EventIngestion ingestion, InspectTimelineUseCase inspect, DeleteTimelineUseCase delete,
            QueryParameters parameters) {
        this.ingestion = ingestion;
        this.inspect = inspect;
        this.delete = delete;
        this.parameters = parameters;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Adds events to this timeline", description = "One event object, a JSON array of them, or"
            + " application/x-ndjson. Nothing is stored when any event is invalid.")
    public Replies.Ingested ingest(@Encoded @PathParam("key") String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding, InputStream body) throws IOException {
        return ingestion.store(body, contentType, contentEncoding, EventReader.forTimeline(parameters.key(key)));
    }

    @GET
    @Operation(summary = "Counts, first and last timestamps, and top-level attribute names of a timeline")
    public Replies.TimelineInfo describe(@Encoded @PathParam("key") String key, @QueryParam("asOf") String asOf) {
        return Replies.TimelineInfo.of(inspect.describe(parameters.key(key), parameters.reading(asOf).asOf()));
    }

    @GET
    @Path("events")
    @Operation(summary = "The timeline's events in (timestamp, seq) order")
    public Replies.Items<Replies.StoredEvent> events(@Encoded @PathParam("key") String key,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("asOf") String asOf,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return Replies.Items.of(inspect.events(parameters.key(key), parameters.window(since, until, reading),
                reading.asOf(), parameters.page(limit, cursor)), Replies.StoredEvent::of);
    }

    @GET
    @Path("history")
    @Operation(summary = "The changes or all view of one attribute",
            description = "format=pairs returns one bare array of [timestamp, value] pairs, not paged.")
    public Object history(@Encoded @PathParam("key") String key, @QueryParam("attribute") String attribute,
            @QueryParam("mode") String mode, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("format") String format, @QueryParam("asOf") String asOf, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        TimelineKey timeline = parameters.key(key);
        Attribute name = parameters.attribute(attribute);
        Reading reading = parameters.reading(asOf);
        Window window = parameters.window(since, until, reading);
        if (format != null && !format.equals("pairs") && !format.equals("items")) {
            throw InvalidRequestException.parameter("format", "must be 'items' or 'pairs'");
        }
        if ("pairs".equals(format)) {
            List<HistoryPoint> points = inspect.history(timeline, name, parameters.mode(mode), window,
                    reading.asOf(), PageRequest.EVERYTHING).items();
            return points.stream().map(point -> Replies.Point.of(point).pair()).toList();
        }
        return Replies.Items.of(inspect.history(timeline, name, parameters.mode(mode), window, reading.asOf(),
                parameters.page(limit, cursor)), Replies.Point::of);
    }

    @GET
    @Path("transitions")
    @Operation(summary = "This timeline's transitions of one attribute whose time lies in the window")
    public Replies.Items<Replies.TransitionItem> transitions(@Encoded @PathParam("key") String key,
            @QueryParam("attribute") String attribute, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("entries") String entries,
            @QueryParam("asOf") String asOf, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return Replies.Items.of(inspect.transitions(parameters.key(key), parameters.attribute(attribute),
                parameters.window(since, until, reading), parameters.flag("entries", entries), reading.asOf(),
                parameters.page(limit, cursor)), Replies.TransitionItem::of);
    }

    @GET
    @Path("state")
    @Operation(summary = "The value of one attribute at a moment (now when 'at' is omitted), and since when")
    public Replies.StateItem state(@Encoded @PathParam("key") String key, @QueryParam("attribute") String attribute,
            @QueryParam("at") String at, @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        Timestamp moment = parameters.at(at, reading);
        TimelineKey timeline = parameters.key(key);
        return inspect.state(timeline, parameters.attribute(attribute), moment, reading.asOf())
                .map(Replies.StateItem::of)
                .orElseThrow(() -> new NoStateException("timeline '" + timeline + "' has no state of '" + attribute
                        + "' at " + moment));
    }

    @DELETE
    @Operation(summary = "Removes the timeline, its event ids and everything derived from it")
    public Response delete(@Encoded @PathParam("key") String key) {
        delete.delete(parameters.key(key));
        return Response.noContent().build();
    }
}
