package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Funnels: how many timelines went through a sequence of values, and how long each step took. */
@Path("/funnels")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelsResource {

    private final AnalyzeTransitionsUseCase transitions;
    private final QueryParameters parameters;

    public FunnelsResource(AnalyzeTransitionsUseCase transitions, QueryParameters parameters) {
        this.transitions = transitions;
        this.parameters = parameters;
    }

    @GET
    @Operation(summary = "Per step, the timelines whose entries into the steps' values reached it, in order",
            description = "2 to 16 'step' values (a string as written, or json:<literal>; a value may repeat);"
                    + " only entries in the window (and where the condition holds) take part; 'within' bounds the"
                    + " time from the first step to the last.")
    public AnalysisReplies.FunnelReply funnel(@QueryParam("attribute") String attribute,
            @QueryParam("step") List<String> steps, @QueryParam("within") String within,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("where") String where,
            @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        List<JsonValue> values = steps.stream().map(step -> parameters.value("step", step)).toList();
        Funnel funnel = parameters.funnel(values, parameters.optionalDuration("within", within));
        return AnalysisReplies.FunnelReply.of(transitions.funnel(parameters.attribute(attribute), funnel,
                parameters.window(since, until, reading), parameters.scope(where, reading)));
    }
}
