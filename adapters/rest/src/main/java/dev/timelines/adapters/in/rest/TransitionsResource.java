package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Transitions across all timelines: the list, the process map, and what came after or before a value. Each takes
 * {@code where} (evaluated at each transition's own change point) and {@code asOf}.
 */
@Path("/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transitions", description = "Transitions across all timelines: the list, the process map, and what came"
        + " after or before a value. 'where' is evaluated at each transition's own change point.")
public class TransitionsResource {

    private static final String DURATION_300 = "{\"min\":300,\"p50\":300,\"p90\":300,\"p99\":300,\"max\":300,"
            + "\"mean\":300}";
    private static final String DURATION_370 = "{\"min\":370,\"p50\":370,\"p90\":370,\"p99\":370,\"max\":370,"
            + "\"mean\":370}";

    private final AnalyzeTransitionsUseCase transitions;
    private final QueryParameters parameters;
    private final JsonFactory json;

    public TransitionsResource(AnalyzeTransitionsUseCase transitions, QueryParameters parameters,
            ObjectMapper mapper) {
        this.transitions = transitions;
        this.parameters = parameters;
        this.json = mapper.getFactory();
    }

    @GET
    @Operation(operationId = "listTransitions",
            summary = "Transitions whose time lies in the window, ordered by (at, timeline, seq), paged",
            description = "'from' and 'to' filter by value (a string as written, or json:<literal>); entries"
                    + " (first change points, no 'from') only with entries=true, and a 'from' filter excludes them."
                    + " The cost grows with the transitions in the window.")
    @APIResponse(responseCode = "200", description = "One page of transitions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.TransitionPage.class),
                    examples = @ExampleObject(name = "paid-to-on-hold", summary = "attribute=status&from=paid"
                            + "&to=on_hold&since=1700000000&until=1700001000",
                            value = "{\"items\":[{\"timeline\":\"order-1\",\"at\":1700000100,\"from\":\"paid\","
                                    + "\"to\":\"on_hold\",\"duration\":40,\"entry\":false},{\"timeline\":\"order-2\","
                                    + "\"at\":1700000130,\"from\":\"paid\",\"to\":\"on_hold\",\"duration\":40,"
                                    + "\"entry\":false}],\"next\":null}")))
    public StreamingOutput list(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(ref = "from") @QueryParam("from") String from,
            @Parameter(ref = "to") @QueryParam("to") String to,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "entries") @QueryParam("entries") String entries,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        Reading reading = parameters.reading(asOf);
        return StreamedReply.page(json, transitions.transitions(parameters.attribute(attribute),
                filter(from, to, since, until, reading), parameters.flag("entries", entries),
                parameters.scope(where, reading), parameters.page(limit, cursor)), Replies.TransitionItem::write);
    }

    @GET
    @Path("summary")
    @Operation(operationId = "summarizeTransitions", summary = "The process map: per (from, to) pair the count,"
            + " distinct timelines and durations; the entries per value",
            description = "Durations are the time spent in 'from', exact; percentiles are nearest-rank. 'entries'"
                    + " counts the first change points per value inside the window; it honours 'to', and is empty"
                    + " when 'from' is given. Not paged.")
    @APIResponse(responseCode = "200", description = "The process map.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.Summary.class),
                    examples = @ExampleObject(name = "orders", summary = "attribute=status&since=1700000000"
                            + "&until=1700086400",
                            value = "{\"pairs\":[{\"from\":\"created\",\"to\":\"paid\",\"count\":2,\"timelines\":2,"
                                    + "\"duration\":{\"min\":60,\"p50\":60,\"p90\":80,\"p99\":80,\"max\":80,"
                                    + "\"mean\":70}},{\"from\":\"paid\",\"to\":\"on_hold\",\"count\":2,"
                                    + "\"timelines\":2,\"duration\":{\"min\":40,\"p50\":40,\"p90\":40,\"p99\":40,"
                                    + "\"max\":40,\"mean\":40}},{\"from\":\"created\",\"to\":\"cancelled\","
                                    + "\"count\":1,\"timelines\":1,\"duration\":{\"min\":180,\"p50\":180,\"p90\":180,"
                                    + "\"p99\":180,\"max\":180,\"mean\":180}},{\"from\":\"on_hold\",\"to\":\"paid\","
                                    + "\"count\":1,\"timelines\":1,\"duration\":" + DURATION_300 + "},"
                                    + "{\"from\":\"on_hold\",\"to\":\"shipped\",\"count\":1,\"timelines\":1,"
                                    + "\"duration\":" + DURATION_370 + "},{\"from\":\"paid\",\"to\":\"shipped\","
                                    + "\"count\":1,\"timelines\":1,\"duration\":{\"min\":3200,\"p50\":3200,"
                                    + "\"p90\":3200,\"p99\":3200,\"max\":3200,\"mean\":3200}}],"
                                    + "\"entries\":[{\"to\":\"created\",\"count\":3}]}")))
    public AnalysisReplies.Summary summary(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(description = "Only pairs from this value; then 'entries' is empty." + ParameterDocs.VALUE_FORMS,
                    schema = @Schema(type = SchemaType.STRING), example = "paid")
            @QueryParam("from") String from,
            @Parameter(description = "Only pairs and entries into this value." + ParameterDocs.VALUE_FORMS,
                    schema = @Schema(type = SchemaType.STRING), example = "shipped")
            @QueryParam("to") String to,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Summary.of(transitions.summary(parameters.attribute(attribute),
                filter(from, to, since, until, reading), parameters.scope(where, reading)));
    }

    @GET
    @Path("next")
    @Operation(operationId = "nextValues", summary = "For every entry into the value in the window, the value that"
            + " came next",
            description = "The window selects the entries only: each is followed to the timeline's next change"
                    + " point, however late. 'duration' is the time spent in the value; 'none' counts entries still"
                    + " in it.")
    @APIResponse(responseCode = "200", description = "Where the entries went next.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.Next.class),
                    examples = @ExampleObject(name = "after-on-hold", summary = "attribute=status&value=on_hold"
                            + "&since=1700000000&until=1700086400",
                            value = "{\"value\":\"on_hold\",\"entries\":2,\"next\":[{\"value\":\"paid\",\"count\":1,"
                                    + "\"duration\":" + DURATION_300 + "},{\"value\":\"shipped\",\"count\":1,"
                                    + "\"duration\":" + DURATION_370 + "}],\"none\":0}")))
    public AnalysisReplies.Next next(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(required = true, description = "The value whose entries are followed."
                    + ParameterDocs.VALUE_FORMS, schema = @Schema(type = SchemaType.STRING), example = "on_hold")
            @QueryParam("value") String value,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
        Reading reading = parameters.reading(asOf);
        return AnalysisReplies.Next.of(transitions.next(parameters.attribute(attribute),
                parameters.value("value", value), parameters.window(since, until, reading),
                parameters.scope(where, reading)));
    }

    @GET
    @Path("previous")
    @Operation(operationId = "previousValues", summary = "For every entry into the value in the window, the value it"
            + " came from",
            description = "'duration' is the time spent in the previous value; a timeline's first change point has"
                    + " no predecessor and counts under 'none'.")
    @APIResponse(responseCode = "200", description = "Where the entries came from.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.Previous.class),
                    examples = @ExampleObject(name = "before-paid", summary = "attribute=status&value=paid"
                            + "&since=1700000000&until=1700086400",
                            value = "{\"value\":\"paid\",\"entries\":3,\"previous\":[{\"value\":\"created\","
                                    + "\"count\":2,\"duration\":{\"min\":60,\"p50\":60,\"p90\":80,\"p99\":80,"
                                    + "\"max\":80,\"mean\":70}},{\"value\":\"on_hold\",\"count\":1,\"duration\":"
                                    + DURATION_300 + "}],\"none\":0}")))
    public AnalysisReplies.Previous previous(@Parameter(ref = "attribute") @QueryParam("attribute") String attribute,
            @Parameter(required = true, description = "The value whose entries are traced back."
                    + ParameterDocs.VALUE_FORMS, schema = @Schema(type = SchemaType.STRING), example = "paid")
            @QueryParam("value") String value,
            @Parameter(ref = "since") @QueryParam("since") String since,
            @Parameter(ref = "until") @QueryParam("until") String until,
            @Parameter(ref = "where") @QueryParam("where") String where,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf) {
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
