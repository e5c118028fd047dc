package dev.timelines.application.question;

import dev.timelines.domain.JsonValue;
import dev.timelines.domain.JsonOrder;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The order of every answer that lists values: largest figure first, ties by {@link JsonOrder}, so that every
 * storage adapter lists the same answer the same way.
 */
public final class Rankings {

    private Rankings() {
    }

    public static <T, C extends Comparable<C>> Comparator<T> largestFirst(Function<T, C> size, Function<T, JsonValue> value) {
        return Comparator.comparing(size, Comparator.<C>reverseOrder()).thenComparing(value, JsonOrder.INSTANCE);
    }
}
