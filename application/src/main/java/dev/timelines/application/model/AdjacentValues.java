package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;
import java.util.List;

/**
 * What surrounds the entries into {@code value}: per neighbouring value how often and for how long, and
 * {@code none} for entries without a neighbour (still in the value for {@code next}, the first change point
 * for {@code previous}).
 */
public record AdjacentValues(JsonValue value, long entries, List<ValueDurations> neighbours, long none) {

    public AdjacentValues {
        neighbours = List.copyOf(neighbours);
    }
}
