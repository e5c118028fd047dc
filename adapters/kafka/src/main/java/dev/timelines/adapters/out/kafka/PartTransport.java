package dev.timelines.adapters.out.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a node asks another node, at its address, for its part of an answer: the question as {@link PartialCodec}
 * wrote it, to be answered by that node's {@link ClusterParts#answer}. HTTP between the nodes of a cluster.
 */
@FunctionalInterface
public interface PartTransport {

    /** What an owner answered: the position of every partition its part covers, and its partial answer. */
    record PartReply(Map<Integer, Long> positions, byte[] shipped) {

        public PartReply {
            positions = Map.copyOf(positions);
        }
    }

    CompletableFuture<PartReply> ask(String address, byte[] question);
}
