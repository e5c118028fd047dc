package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.RetentionUseCase;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /timelines}: keys by prefix, by state at a moment, or by state during a window. The class sits at
 * {@code /}, not {@code /timelines}: RESTEasy Reactive answers a wrong method on {@code /timelines/{key}...}
 * with 404 instead of 405 when another resource class's path is a prefix of {@link TimelineResource}'s.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timelines", description = "Timeline keys: by prefix, by state at a moment, or by state during a window.")
public class TimelinesSearchResource {

    private final SearchTimelinesUseCase search;
    private final RetentionUseCase retention;
    private final QueryParameters parameters;
    private final JsonFactory json;

    public TimelinesSearchResource(SearchTimelinesUseCase search, RetentionUseCase retention,
            QueryParameters parameters, ObjectMapper mapper) {
        this.search = search;
        this.retention = retention;
        this.parameters = parameters;
        this.json = mapper.getFactory();
    }

    @GET
    @Path("timelines")
    @Operation(operationId = "searchTimelines", summary = "Keys of timelines in code point order, paged",
            description = "Three searches, each narrowed by 'prefix': without 'attribute', all keys. With 'attribute'"
                    + " and 'value' [and 'at']: the timelines whose state at 'at' (default now) equals the value,"
                    + " 'where' evaluated at 'at'. With 'attribute', 'value' and 'since'/'until': those in that state"
                    + " for a positive time inside the window (a timeline's last state holds indefinitely); 'at' and"
                    + " 'where' are a 400 there. 'value', 'at', 'since', 'until' or 'where' without 'attribute' is a"
                    + " 400. With Accept: application/x-ndjson instead: every key the search finds, in the same order,"
                    + " one JSON string per line, in one reply (limit and cursor do not apply).")
    @APIResponse(responseCode = "200", description = "One page of keys; or, as NDJSON, all of them.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Replies.TimelineKeyPage.class),
                        examples = {
                            @ExampleObject(name = "by-prefix", summary = "prefix=order-&limit=2",
                                    value = "{\"items\":[\"order-1\",\"order-2\"],\"next\":\"azE6b3JkZXItMg\"}"),
                            @ExampleObject(name = "in-state-at",
                                    summary = "attribute=status&value=on_hold&at=1700000150",
                                    value = "{\"items\":[\"order-1\",\"order-2\"],\"next\":null}"),
                            @ExampleObject(name = "in-state-during", summary = "attribute=status&value=on_hold"
                                    + "&since=1700000000&until=1700000120",
                                    value = "{\"items\":[\"order-1\"],\"next\":null}")
                        }),
                @Content(mediaType = EventBodyReader.NDJSON,
                        schema = @Schema(type = SchemaType.STRING, description = "One key (a JSON string) per line,"
                                + " in code point order."),
                        examples = @ExampleObject(name = "in-state-at",
                                summary = "attribute=status&value=on_hold&at=1700000150",
                                value = "[\"order-1\", \"order-2\"]"))
            })
    public StreamingOutput search(
            @Parameter(description = "The attribute of a state search. " + ParameterDocs.ATTRIBUTE,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 1024), example = "status")
            @QueryParam("attribute") String attribute,
            @Parameter(description = "The state searched for; required with 'attribute'." + ParameterDocs.VALUE_FORMS,
                    schema = @Schema(type = SchemaType.STRING), example = "on_hold")
            @QueryParam("value") String value,
            @Parameter(ref = "at") @QueryParam("at") String at,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(description = "Only keys that start with this string (code points).",
                    schema = @Schema(type = SchemaType.STRING), example = "order-")
            @QueryParam("prefix") String prefix,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        return StreamedReply.page(json, keys(attribute, value, at, since, until, prefix, where, asOf,
                () -> parameters.page(limit, cursor)), Replies.TimelineKeyPage::write);
    }

    /**
     * {@code GET /timelines} with {@code Accept: application/x-ndjson}: every key the search finds in one reply, for
     * a client that wants them all rather than page after page (each page would search again). Chosen by JAX-RS
     * over {@link #search} for that media type only, and documented there (one path and method is one operation).
     */
    @GET
    @Path("timelines")
    @Produces(EventBodyReader.NDJSON)
    @Operation(hidden = true)
    public StreamingOutput searchLines(@QueryParam("attribute") String attribute, @QueryParam("value") String value,
            @QueryParam("at") String at, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("prefix") String prefix, @QueryParam("where") String where,
            @QueryParam("asOf") String asOf) {
        return StreamedReply.lines(json, keys(attribute, value, at, since, until, prefix, where, asOf,
                () -> PageRequest.EVERYTHING).items(), Replies.TimelineKeyPage::write);
    }

    /** The search's answer; {@code pages} is read where a bad limit or cursor is reported among the parameters. */
    private Page<TimelineKey> keys(String attribute, String value, String at, String since, String until,
            String prefix, String where, String asOf, Supplier<PageRequest> pages) {
        String keys = prefix == null ? "" : prefix;
        Reading reading = parameters.reading(asOf);
        PageRequest page = pages.get();
        if (attribute == null) {
            requireAbsent("value", value, "is a state search: give 'attribute' too");
            requireAbsent("at", at, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("since", since, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("until", until, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("where", where, "is a condition on states: give 'attribute', 'value' and 'at' too");
            return search.withPrefix(keys, reading.asOf(), page);
        }
        Attribute name = parameters.attribute(attribute);
        JsonValue state = parameters.value("value", value);
        if (since == null && until == null) {
            return search.inState(name, state, parameters.at(at, reading), keys, parameters.scope(where, reading),
                    page);
        }
        requireAbsent("at", at, "asks about one moment: give either 'at' or 'since'/'until'");
        requireAbsent("where", where, "applies to the search at one moment ('at'), not during a window");
        return search.inStateDuring(name, state, parameters.window(since, until, reading), keys, reading.asOf(),
                page);
    }

    @DELETE
    @Path("timelines")
    @Operation(operationId = "deleteQuietTimelines", summary = "Removes every timeline whose latest event is older"
            + " than a moment (retention)",
            description = "Each timeline whose latest event timestamp is before lastEventBefore is deleted as DELETE"
                    + " /timelines/{key} deletes it: its events, ids and everything derived from them. An event"
                    + " stored into such a timeline while the request runs may be deleted with it. The periodic"
                    + " form is the setting timelines.retention.max-age (docs/operations.md, Retention).")
    @APIResponse(responseCode = "200", description = "How many timelines were deleted.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.Deleted.class),
                    examples = @ExampleObject(name = "thirty-days", summary = "lastEventBefore=-30d",
                            value = "{\"deleted\":2}")))
    public Replies.Deleted deleteQuiet(
            @Parameter(description = ParameterDocs.LAST_EVENT_BEFORE, required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.TIME_PATTERN), example = "-30d")
            @QueryParam("lastEventBefore") String lastEventBefore) {
        return new Replies.Deleted(retention.deleteTimelinesLastBefore(
                parameters.moment("lastEventBefore", lastEventBefore)));
    }

    private static void requireAbsent(String name, String value, String message) {
        if (value != null) {
            throw InvalidRequestException.parameter(name, message);
        }
    }
}
