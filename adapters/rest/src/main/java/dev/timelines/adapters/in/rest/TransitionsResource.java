package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.model.TransitionFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Transitions across all timelines: the list, the process map, and what came after or before a value. */
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
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Replies.Items.of(transitions.transitions(parameters.attribute(attribute), filter(from, to, since, until),
                parameters.flag("entries", entries), parameters.page(limit, cursor)), Replies.TransitionItem::of);
    }

    @GET
    @Path("summary")
    @Operation(summary = "The process map: per (from, to) pair the count, distinct timelines and durations;"
            + " the entries per value")
    public AnalysisReplies.Summary summary(@QueryParam("attribute") String attribute, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("since") String since, @QueryParam("until") String until) {
        return AnalysisReplies.Summary.of(transitions.summary(parameters.attribute(attribute),
                filter(from, to, since, until)));
    }

    @GET
    @Path("next")
    @Operation(summary = "For every entry into the value in the window, the value that came next",
            description = "The window selects the entries only; 'none' counts entries still in the value.")
    public AnalysisReplies.Next next(@QueryParam("attribute") String attribute, @QueryParam("value") String value,
            @QueryParam("since") String since, @QueryParam("until") String until) {
        return AnalysisReplies.Next.of(transitions.next(parameters.attribute(attribute),
                parameters.value("value", value), parameters.window(since, until)));
    }

    @GET
    @Path("previous")
    @Operation(summary = "For every entry into the value in the window, the value it came from",
            description = "The duration is the time spent in the previous value; 'none' counts first change points.")
    public AnalysisReplies.Previous previous(@QueryParam("attribute") String attribute,
            @QueryParam("value") String value, @QueryParam("since") String since, @QueryParam("until") String until) {
        return AnalysisReplies.Previous.of(transitions.previous(parameters.attribute(attribute),
                parameters.value("value", value), parameters.window(since, until)));
    }

    private TransitionFilter filter(String from, String to, String since, String until) {
        return new TransitionFilter(parameters.optionalValue("from", from), parameters.optionalValue("to", to),
                parameters.window(since, until));
    }
}
