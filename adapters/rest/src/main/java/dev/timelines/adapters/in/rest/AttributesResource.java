package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.DescribeAttributesUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The attributes the store has seen, and the values of one. */
@Path("/attributes")
@Produces(MediaType.APPLICATION_JSON)
public class AttributesResource {

    private final DescribeAttributesUseCase attributes;
    private final QueryParameters parameters;

    public AttributesResource(DescribeAttributesUseCase attributes, QueryParameters parameters) {
        this.attributes = attributes;
        this.parameters = parameters;
    }

    @GET
    @Operation(summary = "Top-level attribute names of all stored events, in code point order, paged")
    public Replies.Items<String> names(@QueryParam("asOf") String asOf, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return Replies.Items.of(attributes.names(parameters.reading(asOf).asOf(), parameters.page(limit, cursor)),
                Function.identity());
    }

    @GET
    @Path("{attribute}/values")
    @Operation(summary = "Distinct values of an attribute with the events and timelines carrying each, most first",
            description = "The name may be a JSON Pointer, percent-encoded: /attributes/%2Forder%2Fstatus/values.")
    public Replies.Items<AnalysisReplies.Usage> values(@PathParam("attribute") String attribute,
            @QueryParam("asOf") String asOf, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Replies.Items.of(attributes.values(parameters.attribute(attribute), parameters.reading(asOf).asOf(),
                parameters.page(limit, cursor)), AnalysisReplies.Usage::of);
    }
}
