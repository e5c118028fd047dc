package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * States across all timelines: how many are in each value at a moment and for how long, the time spent in each,
 * and the timelines stuck in one. Each takes {@code where} and {@code asOf}.
 */
@Path("/states")
@Produces(MediaType.APPLICATION_JSON)
public class StatesResource {

    private final AnalyzeStatesUseCase states;
    private final QueryParameters parameters;

    public StatesResource(AnalyzeStatesUseCase states, QueryParameters parameters) {
        this.states = states;
        this.parameters = parameters;
    }

    @GET
    @Operation(summary = "How many timelines hold each value at 'at' (default now), largest count first",
            description = "With ages=true each count has 'age': statistics of how long its timelines had held the"
                    + " value at 'at'. 'where' is evaluated at 'at'.")
    public AnalysisReplies.States counts(@QueryParam("attribute") String attribute, @QueryParam("at") String at,
            @QueryParam("ages") String ages, @QueryParam("where") String where, @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.States.of(states.statesAt(parameters.attribute(attribute), parameters.at(at, reading),
                parameters.scope(where, reading), parameters.flag("ages", ages)));
    }

    @GET
    @Path("durations")
    @Operation(summary = "Time spent in each value inside the window, most first",
            description = "A timeline's last state holds until 'until' or now, whichever is earlier; 'timelines'"
                    + " counts those with a positive time in the value, and mean = seconds / timelines. With"
                    + " 'where', only the time during which the condition holds too counts.")
    public AnalysisReplies.Durations durations(@QueryParam("attribute") String attribute,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("where") String where, @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Durations.of(states.timeInStates(parameters.attribute(attribute),
                parameters.window(since, until, reading), parameters.scope(where, reading)));
    }

    @GET
    @Path("stuck")
    @Operation(summary = "Timelines in a value (any when 'value' is omitted) at 'at' for strictly longer than"
            + " 'longerThan', by since then key, paged",
            description = "'longerThan' is seconds (7200, 0.5) or a number with one unit of s, m, h, d (2h);"
                    + " 'where' is evaluated at 'at'.")
    public Replies.Items<AnalysisReplies.Stuck> stuck(@QueryParam("attribute") String attribute,
            @QueryParam("value") String value, @QueryParam("longerThan") String longerThan,
            @QueryParam("at") String at, @QueryParam("where") String where, @QueryParam("asOf") String asOf,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return Replies.Items.of(states.stuck(parameters.attribute(attribute), parameters.optionalValue("value", value),
                parameters.duration("longerThan", longerThan), parameters.at(at, reading),
                parameters.scope(where, reading), parameters.page(limit, cursor)), AnalysisReplies.Stuck::of);
    }
}
