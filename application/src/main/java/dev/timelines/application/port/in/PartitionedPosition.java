package dev.timelines.application.port.in;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in the transitions stream of a store split into parts (docs/scaling.md, "Kafka"): one {@link StreamPosition}
 * per part, in part order. A timeline lives in exactly one part, so the stream is the union of the parts' streams and
 * a client's place in it is its place in each; a node serving the client interleaves the parts' messages in any
 * order. Its token is the parts' tokens joined by {@value #SEPARATOR}, {@code 1a-1a-0.0-0-0.2b-2f-1}; a store of one
 * part has the token of its one position.
 */
public record PartitionedPosition(List<StreamPosition> parts) {

    public static final String SEPARATOR = ".";

    public PartitionedPosition {
        parts = List.copyOf(parts);
    }

    /** The same place, with one part's position moved. */
    public PartitionedPosition with(int part, StreamPosition position) {
        List<StreamPosition> moved = new ArrayList<>(parts);
        moved.set(part, position);
        return new PartitionedPosition(moved);
    }

    public String token() {
        StringBuilder token = new StringBuilder();
        for (StreamPosition part : parts) {
            token.append(token.isEmpty() ? "" : SEPARATOR).append(part.token());
        }
        return token.toString();
    }

    /** Reads a token a stream of a store of {@code count} parts issued. */
    public static PartitionedPosition parse(String token, int count) {
        String[] fields = token.split("\\.", -1);
        if (fields.length != count) {
            throw new InvalidPositionException(token, "it names " + fields.length + " partitions, the store has "
                    + count);
        }
        List<StreamPosition> parts = new ArrayList<>();
        for (String field : fields) {
            parts.add(StreamPosition.parse(field));
        }
        return new PartitionedPosition(parts);
    }
}
