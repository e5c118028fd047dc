package dev.timelines.bootstrap;

import dev.timelines.adapters.out.kafka.ClusterParts;
import dev.timelines.adapters.out.kafka.HttpPartTransport;
import dev.timelines.adapters.out.kafka.PartTransport;
import dev.timelines.application.port.in.AnswerPartUseCase;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the other nodes of a Kafka cluster ask this one (docs/scaling.md, Kafka): a question across timelines, a
 * listing or one timeline, answered for the partitions this node owns with the position of each, or its verdict on a
 * request another node wrote. Not part of the public API, hence not
 * in the OpenAPI document; it answers 404 on a node whose storage is not a cluster's, and 503 while its partitions
 * are being applied.
 */
@Path(HttpPartTransport.PATH)
public class ClusterPartsResource {

    private final StorageOpening opening;
    private final AnswerPartUseCase parts;

    public ClusterPartsResource(StorageOpening opening, AnswerPartUseCase parts) {
        this.opening = opening;
        this.parts = parts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response part(byte[] question) {
        if (!(opening.require().others() instanceof ClusterParts cluster)) {
            throw new NotFoundException("this node's storage is not split over nodes");
        }
        PartTransport.PartReply reply = cluster.answer(question, parts::part);
        return Response.ok(reply.shipped()).header(HttpPartTransport.POSITIONS,
                HttpPartTransport.header(reply.positions())).build();
    }
}
