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
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Funnels: how many timelines went through a sequence of values, and how long each step took. */
@Path("/funnels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "funnels", description = "How many timelines went through a sequence of values, and how long each step"
        + " took.")
public class FunnelsResource {

    private final AnalyzeTransitionsUseCase transitions;
    private final QueryParameters parameters;

    public FunnelsResource(AnalyzeTransitionsUseCase transitions, QueryParameters parameters) {
        this.transitions = transitions;
        this.parameters = parameters;
    }

    @GET
    @Operation(operationId = "funnel",
            summary = "Per step, the timelines whose entries into the steps' values reached it, in order",
            description = "A chain is entries into the steps' values in strictly increasing (timestamp, seq), each"
                    + " inside [since, until) and where the condition holds; with 'within', the last at most that"
                    + " long after the first. A timeline's level is the longest chain; timelines never entering the"
                    + " first step take no part. Per step: 'timelines' with that level or more, 'conversion' from the"
                    + " step before, and 'duration' from the step before (both null for the first step).")
    @APIResponse(responseCode = "200", description = "The funnel.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.FunnelReply.class),
                    examples = @ExampleObject(name = "orders", summary = "attribute=status&step=created&step=paid"
                            + "&step=shipped&since=1700000000&until=1700086400",
                            value = "{\"steps\":[{\"value\":\"created\",\"timelines\":3,\"conversion\":null,"
                                    + "\"duration\":null},{\"value\":\"paid\",\"timelines\":2,"
                                    + "\"conversion\":0.6666666666666666,\"duration\":{\"min\":60,\"p50\":60,"
                                    + "\"p90\":80,\"p99\":80,\"max\":80,\"mean\":70}},{\"value\":\"shipped\","
                                    + "\"timelines\":2,\"conversion\":1.0,\"duration\":{\"min\":410,\"p50\":410,"
                                    + "\"p90\":3540,\"p99\":3540,\"max\":3540,\"mean\":1975}}]}")))
    public AnalysisReplies.FunnelReply funnel(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(required = true, description = "The steps' values in order, the parameter repeated: 2 to 16 of"
                    + " them, a value may repeat." + ParameterDocs.VALUE_FORMS,
                    style = ParameterStyle.FORM, explode = Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, minItems = 2,
                            maxItems = 16),
                    example = "[\"created\",\"paid\",\"shipped\"]")
            @QueryParam("step") List<String> steps,
            @Parameter(description = "At most this long from the first step's entry to the last's."
                    + ParameterDocs.DURATION_FORMS,
                    schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.DURATION_PATTERN),
                    example = "1h")
            @QueryParam("within") String within,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        List<JsonValue> values = steps.stream().map(step -> parameters.value("step", step)).toList();
        Funnel funnel = parameters.funnel(values, parameters.optionalDuration("within", within));
        return AnalysisReplies.FunnelReply.of(transitions.funnel(parameters.attribute(attribute), funnel,
                parameters.window(since, until, reading), parameters.scope(where, reading)));
    }
}
