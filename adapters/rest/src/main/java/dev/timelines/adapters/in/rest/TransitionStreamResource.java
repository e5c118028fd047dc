package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.WatchTransitionsUseCase;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /transitions/stream}: the transitions of {@code /transitions} as a live, resumable change log. */
@Path("/transitions/stream")
@Tag(name = "transitions")
public class TransitionStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** A position: S-U-n, or on a Kafka cluster one per partition joined by '.' (docs/api.md). */
    private static final String POSITION = "^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+(\\.[0-9a-z]+-[0-9a-z]+-[0-9a-z]+)*$";

    private final WatchTransitionsUseCase transitions;
    private final QueryParameters parameters;
    private final TransitionStreams streams;

    public TransitionStreamResource(WatchTransitionsUseCase transitions, QueryParameters parameters,
            TransitionStreams streams) {
        this.transitions = transitions;
        this.parameters = parameters;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamTransitions",
            summary = "Server-Sent Events: transitions and retractions as they happen, resumable from a position",
            description = "A change log of the set of transitions that /transitions lists with the same filter: each"
                    + " 'transition' message adds one, each 'retraction' removes one (a late event that splits, merges"
                    + " or re-times transitions retracts the old and adds the new; a deletion retracts all of the"
                    + " timeline's). 'data' is one transition as in /transitions; 'id' is an opaque, increasing"
                    + " position (S-U-n: the changes up to seq S and n messages of the writes in (S, U]; on a Kafka"
                    + " cluster one S-U-n per partition, joined by '.'), valid on any instance (any node of a"
                    + " cluster) and, on the journal, across a restart. A message is sent once the events causing"
                    + " it are durable. Without a position the stream starts now; with Last-Event-ID (or 'after') it resumes after that message, nothing"
                    + " lost or repeated. A comment line comes at least every 15 s. A client that does not keep up is"
                    + " disconnected with a comment saying why, and may resume.")
    @APIResponse(responseCode = "200", description = "The stream; it stays open.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "late-event", summary = "attribute=status&from=paid",
                            value = ": streaming from 15-15-0\n\n"
                                    + "id: 15-17-1\nevent: transition\ndata: {\"timeline\":\"order-1\","
                                    + "\"at\":1700000100,\"from\":\"paid\",\"to\":\"on_hold\",\"duration\":40,"
                                    + "\"entry\":false}\n\n"
                                    + "id: 17-18-1\nevent: retraction\ndata: {\"timeline\":\"order-1\","
                                    + "\"at\":1700000100,\"from\":\"paid\",\"to\":\"on_hold\",\"duration\":40,"
                                    + "\"entry\":false}\n\n")))
    @APIResponse(responseCode = "410", description = "The store can no longer resume from the position: the history"
            + " after it is no longer kept (timelines.stream.retained-seqs, a snapshot or compaction of the journal)."
            + " Start again without a position, taking the set from /transitions.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "from") @QueryParam("from") String from,
            @Parameter(ref = "to") @QueryParam("to") String to,
            @Parameter(ref = "entries") @QueryParam("entries") String entries,
            @Parameter(description = "Resume after this position: the id of the last message received. "
                    + LAST_EVENT_ID + " takes precedence, as a browser's EventSource sends it when it reconnects.",
                    schema = @Schema(type = SchemaType.STRING, pattern = POSITION),
                    example = "17-18-1")
            @QueryParam("after") String after,
            @Parameter(description = "Resume after this position (the SSE reconnection header).",
                    schema = @Schema(type = SchemaType.STRING, pattern = POSITION))
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest request) {
        WatchTransitionsUseCase.Watch watch = transitions.watch(parameters.attribute(attribute),
                parameters.optionalValue("from", from), parameters.optionalValue("to", to),
                parameters.flag("entries", entries), position(lastEventId, after));
        streams.open(watch, sink, sse, request);
    }

    private static Optional<String> position(String lastEventId, String after) {
        return Optional.ofNullable(lastEventId != null ? lastEventId : after);
    }
}
