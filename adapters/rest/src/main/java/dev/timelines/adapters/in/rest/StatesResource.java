package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** States across all timelines: how many are in each value at a moment, and the time spent in each. */
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
    @Operation(summary = "How many timelines hold each value at 'at' (default now), largest count first")
    public AnalysisReplies.States counts(@QueryParam("attribute") String attribute, @QueryParam("at") String at) {
        return AnalysisReplies.States.of(states.statesAt(parameters.attribute(attribute), parameters.at(at)));
    }

    @GET
    @Path("durations")
    @Operation(summary = "Time spent in each value inside the window, most first",
            description = "A timeline's last state holds until 'until' or now, whichever is earlier; 'timelines'"
                    + " counts those with a positive time in the value, and mean = seconds / timelines.")
    public AnalysisReplies.Durations durations(@QueryParam("attribute") String attribute,
            @QueryParam("since") String since, @QueryParam("until") String until) {
        return AnalysisReplies.Durations.of(states.timeInStates(parameters.attribute(attribute),
                parameters.window(since, until)));
    }
}
