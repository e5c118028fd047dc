package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
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
 * States across all timelines: how many are in each value at a moment and for how long, the time spent in each,
 * and the timelines stuck in one. Each takes {@code where} and {@code asOf}.
 */
@Path("/states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "states", description = "States across all timelines: how many are in each value at a moment and for how"
        + " long, the time spent in each, and the timelines stuck in one.")
public class StatesResource {

    private final AnalyzeStatesUseCase states;
    private final QueryParameters parameters;
    private final JsonFactory json;

    public StatesResource(AnalyzeStatesUseCase states, QueryParameters parameters, ObjectMapper mapper) {
        this.states = states;
        this.parameters = parameters;
        this.json = mapper.getFactory();
    }

    @GET
    @Operation(operationId = "countStates",
            summary = "How many timelines hold each value at 'at' (default now), largest count first",
            description = "A timeline with no change point at or before 'at' is not counted. With ages=true each"
                    + " count has 'age': statistics of how long its timelines had held the value at 'at'. 'where' is"
                    + " evaluated at 'at'.")
    @APIResponse(responseCode = "200", description = "The counts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.States.class),
                    examples = {
                        @ExampleObject(name = "orders", summary = "attribute=status&at=1700000150",
                                value = "{\"at\":1700000150,\"counts\":[{\"value\":\"on_hold\",\"count\":2},"
                                        + "{\"value\":\"created\",\"count\":1}],\"timelines\":3}"),
                        @ExampleObject(name = "orders-with-ages", summary = "attribute=status&at=1700000150&ages=true",
                                value = "{\"at\":1700000150,\"counts\":[{\"value\":\"on_hold\",\"count\":2,\"age\":"
                                        + "{\"min\":20,\"p50\":20,\"p90\":50,\"p99\":50,\"max\":50,\"mean\":35}},"
                                        + "{\"value\":\"created\",\"count\":1,\"age\":{\"min\":130,\"p50\":130,"
                                        + "\"p90\":130,\"p99\":130,\"max\":130,\"mean\":130}}],\"timelines\":3}")
                    }))
    public AnalysisReplies.States counts(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "at") @QueryParam("at") String at,
            @Parameter(description = "Add to each count 'age': how long its timelines had held the value at 'at'.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("ages") String ages,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.States.of(states.statesAt(parameters.attribute(attribute), parameters.at(at, reading),
                parameters.scope(where, reading), parameters.flag("ages", ages)));
    }

    @GET
    @Path("durations")
    @Operation(operationId = "timeInStates", summary = "Time spent in each value inside the window, most first",
            description = "A timeline's last state holds until 'until' or now, whichever is earlier; 'timelines'"
                    + " counts those with a positive time in the value, and mean = seconds / timelines. With"
                    + " 'where', only the time during which the condition holds too counts. Not paged.")
    @APIResponse(responseCode = "200", description = "Time per value.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.Durations.class),
                    examples = @ExampleObject(name = "orders", summary = "attribute=status&since=1700000000"
                            + "&until=1700003600",
                            value = "{\"items\":[{\"value\":\"cancelled\",\"seconds\":3400,\"timelines\":1,"
                                    + "\"mean\":3400},{\"value\":\"paid\",\"seconds\":3280,\"timelines\":2,"
                                    + "\"mean\":1640},{\"value\":\"shipped\",\"seconds\":3100,\"timelines\":1,"
                                    + "\"mean\":3100},{\"value\":\"on_hold\",\"seconds\":670,\"timelines\":2,"
                                    + "\"mean\":335},{\"value\":\"created\",\"seconds\":320,\"timelines\":3,"
                                    + "\"mean\":106.666667}]}")))
    public AnalysisReplies.Durations durations(
            @Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Durations.of(states.timeInStates(parameters.attribute(attribute),
                parameters.window(since, until, reading), parameters.scope(where, reading)));
    }

    @GET
    @Path("stuck")
    @Operation(operationId = "listStuckTimelines", summary = "Timelines in a value (any when 'value' is omitted) at"
            + " 'at' for strictly longer than 'longerThan', by since then key, paged",
            description = "A timeline is stuck when at - since > longerThan, 'since' being the change point that"
                    + " began its stay (a repeated value does not move it). 'where' is evaluated at 'at'. With Accept:"
                    + " application/x-ndjson instead: every stuck timeline in the same order, one Stuck object per"
                    + " line, in one reply (limit and cursor do not apply).")
    @APIResponse(responseCode = "200", description = "One page of stuck timelines; or, as NDJSON, all of them.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = AnalysisReplies.StuckPage.class),
                        examples = @ExampleObject(name = "on-hold", summary = "attribute=status&value=on_hold"
                                + "&longerThan=30s&at=1700000150",
                                value = "{\"items\":[{\"timeline\":\"order-1\",\"value\":\"on_hold\","
                                        + "\"since\":1700000100,\"seconds\":50}],\"next\":null}")),
                @Content(mediaType = EventBodyReader.NDJSON,
                        schema = @Schema(type = SchemaType.STRING, description = "One Stuck object per line, by"
                                + " since, then key."),
                        examples = @ExampleObject(name = "on-hold", summary = "attribute=status&value=on_hold"
                                + "&longerThan=30s&at=1700000150",
                                value = "[{\"timeline\":\"order-1\",\"value\":\"on_hold\",\"since\":1700000100,"
                                        + "\"seconds\":50}]"))
            })
    public StreamingOutput stuck(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(description = "Only timelines in this value; omitted: in any value (null included)."
                    + ParameterDocs.VALUE_FORMS, schema = @Schema(type = SchemaType.STRING), example = "on_hold")
            @QueryParam("value") String value,
            @Parameter(required = true, description = "How long a timeline must have held its value, strictly."
                    + ParameterDocs.DURATION_FORMS,
                    schema = @Schema(type = SchemaType.STRING, pattern = ParameterDocs.DURATION_PATTERN),
                    example = "2h")
            @QueryParam("longerThan") String longerThan,
            @Parameter(ref = "at") @QueryParam("at") String at,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        return StreamedReply.page(json, stuckTimelines(attribute, value, longerThan, at, where, asOf,
                () -> parameters.page(limit, cursor)), AnalysisReplies.Stuck::write);
    }

    /**
     * {@code GET /states/stuck} with {@code Accept: application/x-ndjson}: every stuck timeline in one reply, for a
     * client that wants them all rather than page after page (each page would find them all again). Chosen by
     * JAX-RS over {@link #stuck} for that media type only, and documented there (one path and method is one
     * operation).
     */
    @GET
    @Path("stuck")
    @Produces(EventBodyReader.NDJSON)
    @Operation(hidden = true)
    public StreamingOutput stuckLines(@QueryParam("attribute") String attribute, @QueryParam("value") String value,
            @QueryParam("longerThan") String longerThan, @QueryParam("at") String at,
            @QueryParam("where") String where, @QueryParam("asOf") String asOf) {
        return StreamedReply.lines(json, stuckTimelines(attribute, value, longerThan, at, where, asOf,
                () -> PageRequest.EVERYTHING).items(), AnalysisReplies.Stuck::write);
    }

    /** The answer; {@code page} is read where a bad limit or cursor is reported among the parameters. */
    private Page<StuckTimeline> stuckTimelines(String attribute, String value, String longerThan, String at,
            String where, String asOf, Supplier<PageRequest> page) {
        Reading reading = parameters.reading(asOf);
        return states.stuck(parameters.attribute(attribute), parameters.optionalValue("value", value),
                parameters.duration("longerThan", longerThan), parameters.at(at, reading),
                parameters.scope(where, reading), page.get());
    }
}
