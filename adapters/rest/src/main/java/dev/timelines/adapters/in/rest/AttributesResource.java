package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.DescribeAttributesUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The attributes the store has seen, and the values of one. */
@Path("/attributes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attributes", description = "The attributes the store has seen, and the values of one.")
public class AttributesResource {

    private final DescribeAttributesUseCase attributes;
    private final QueryParameters parameters;

    public AttributesResource(DescribeAttributesUseCase attributes, QueryParameters parameters) {
        this.attributes = attributes;
        this.parameters = parameters;
    }

    @GET
    @Operation(operationId = "listAttributes",
            summary = "Top-level attribute names of all stored events, in code point order, paged",
            description = "Nested values are reached with JSON Pointers (/order/status), which need no declaration.")
    @APIResponse(responseCode = "200", description = "One page of names.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Replies.AttributeNamePage.class),
                    examples = @ExampleObject(name = "orders",
                            value = "{\"items\":[\"amount\",\"note\",\"status\",\"ticket\"],\"next\":null}")))
    public Replies.AttributeNamePage names(@Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        return Replies.AttributeNamePage.of(attributes.names(parameters.reading(asOf).asOf(),
                parameters.page(limit, cursor)));
    }

    @GET
    @Path("{attribute}/values")
    @Operation(operationId = "listAttributeValues",
            summary = "Distinct values of an attribute with the events and timelines carrying each, most first",
            description = "The name may be a JSON Pointer, percent-encoded: /attributes/%2Forder%2Fstatus/values. Of"
                    + " equal values (1 and 1.0) the one seen first is shown. The cursor is an offset into this"
                    + " ranking: a page fetched after more ingest may repeat or skip a value.")
    @APIResponse(responseCode = "200", description = "One page of values.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalysisReplies.ValuePage.class),
                    examples = @ExampleObject(name = "status", value = "{\"items\":[{\"value\":\"created\","
                            + "\"count\":3,\"timelines\":3},{\"value\":\"paid\",\"count\":3,\"timelines\":2},"
                            + "{\"value\":\"on_hold\",\"count\":2,\"timelines\":2},{\"value\":\"shipped\",\"count\":2,"
                            + "\"timelines\":2},{\"value\":\"cancelled\",\"count\":1,\"timelines\":1}],"
                            + "\"next\":null}")))
    public AnalysisReplies.ValuePage values(
            @Parameter(description = ParameterDocs.ATTRIBUTE + " Percent-encoded in the path.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 1024), example = "status")
            @PathParam("attribute") String attribute,
            @Parameter(ref = "asOf") @QueryParam("asOf") String asOf,
            @Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        return AnalysisReplies.ValuePage.of(attributes.values(parameters.attribute(attribute),
                parameters.reading(asOf).asOf(), parameters.page(limit, cursor)));
    }
}
