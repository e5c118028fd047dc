package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /timelines}: keys by prefix, by state at a moment, or by state during a window. The class sits at
 * {@code /}, not {@code /timelines}: RESTEasy Reactive answers a wrong method on {@code /timelines/{key}...}
 * with 404 instead of 405 when another resource class's path is a prefix of {@link TimelineResource}'s.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TimelinesSearchResource {

    private final SearchTimelinesUseCase search;
    private final QueryParameters parameters;

    public TimelinesSearchResource(SearchTimelinesUseCase search, QueryParameters parameters) {
        this.search = search;
        this.parameters = parameters;
    }

    @GET
    @Path("timelines")
    @Operation(summary = "Keys of timelines in code point order, paged",
            description = "With attribute and value: those whose state at 'at' (default now) equals the value"
                    + " ('where' evaluated at 'at'), or with since/until those in that state for a positive time in"
                    + " the window. 'prefix' limits the keys; 'value' is a string as written, or json:<literal>.")
    public Replies.Items<String> search(@QueryParam("attribute") String attribute, @QueryParam("value") String value,
            @QueryParam("at") String at, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("prefix") String prefix, @QueryParam("where") String where, @QueryParam("asOf") String asOf,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String keys = prefix == null ? "" : prefix;
        Reading reading = parameters.reading(asOf);
        PageRequest page = parameters.page(limit, cursor);
        if (attribute == null) {
            requireAbsent("value", value, "is a state search: give 'attribute' too");
            requireAbsent("at", at, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("since", since, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("until", until, "is a state search: give 'attribute' and 'value' too");
            requireAbsent("where", where, "is a condition on states: give 'attribute', 'value' and 'at' too");
            return Replies.Items.of(search.withPrefix(keys, reading.asOf(), page), TimelineKey::value);
        }
        Attribute name = parameters.attribute(attribute);
        JsonValue state = parameters.value("value", value);
        if (since == null && until == null) {
            return Replies.Items.of(search.inState(name, state, parameters.at(at, reading), keys,
                    parameters.scope(where, reading), page), TimelineKey::value);
        }
        requireAbsent("at", at, "asks about one moment: give either 'at' or 'since'/'until'");
        requireAbsent("where", where, "applies to the search at one moment ('at'), not during a window");
        return Replies.Items.of(search.inStateDuring(name, state, parameters.window(since, until, reading), keys,
                reading.asOf(), page), TimelineKey::value);
    }

    private static void requireAbsent(String name, String value, String message) {
        if (value != null) {
            throw InvalidRequestException.parameter(name, message);
        }
    }
}
