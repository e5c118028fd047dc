package dev.timelines.adapters.in.rest;

import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Transitions across all timelines: the list, the process map, and what came after or before a value. Each takes
 * {@code where} (evaluated at each transition's own change point) and {@code asOf}.
 */
@Path("/transitions")
@Produces(MediaType.APPLICATION_JSON)
public class TransitionsResource {

    private final AnalyzeTransitionsUseCase transitions;
    private final QueryParameters parameters;

    public TransitionsResource(AnalyzeTransitionsUseCase transitions, QueryParameters parameters) {
        this.transitions = transitions;
        this.parameters = parameters;
    }

    @GET
    @Operation(summary = "Transitions whose time lies in the window, ordered by (at, timeline, seq), paged",
            description = "'from' and 'to' filter by value (a string as written, or json:<literal>); entries"
                    + " (first change points, no 'from') only with entries=true.")
    public Replies.Items<Replies.TransitionItem> list(@QueryParam("attribute") String attribute,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("entries") String entries,
            @QueryParam("where") String where, @QueryParam("asOf") String asOf,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return Replies.Items.of(transitions.transitions(parameters.attribute(attribute),
                filter(from, to, since, until, reading), parameters.flag("entries", entries),
                parameters.scope(where, reading), parameters.page(limit, cursor)), Replies.TransitionItem::of);
    }

    @GET
    @Path("summary")
    @Operation(summary = "The process map: per (from, to) pair the count, distinct timelines and durations;"
            + " the entries per value")
    public AnalysisReplies.Summary summary(@QueryParam("attribute") String attribute, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("where") String where, @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Summary.of(transitions.summary(parameters.attribute(attribute),
                filter(from, to, since, until, reading), parameters.scope(where, reading)));
    }

    @GET
    @Path("next")
    @Operation(summary = "For every entry into the value in the window, the value that came next",
            description = "The window selects the entries only; 'none' counts entries still in the value.")
    public AnalysisReplies.Next next(@QueryParam("attribute") String attribute, @QueryParam("value") String value,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("where") String where,
            @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Next.of(transitions.next(parameters.attribute(attribute),
                parameters.value("value", value), parameters.window(since, until, reading),
                parameters.scope(where, reading)));
    }

    @GET
    @Path("previous")
    @Operation(summary = "For every entry into the value in the window, the value it came from",
            description = "The duration is the time spent in the previous value; 'none' counts first change points.")
    public AnalysisReplies.Previous previous(@QueryParam("attribute") String attribute,
            @QueryParam("value") String value, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("where") String where, @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Previous.of(transitions.previous(parameters.attribute(attribute),
                parameters.value("value", value), parameters.window(since, until, reading),
                parameters.scope(where, reading)));
    }

    private TransitionFilter filter(String from, String to, String since, String until, Reading reading) {
        return new TransitionFilter(parameters.optionalValue("from", from), parameters.optionalValue("to", to),
                parameters.window(since, until, reading));
    }
}
