package dev.timelines.application.port.in;

import dev.timelines.domain.InvalidValueException;
import java.util.Optional;

/** Which page to return: at most {@code limit} items after the position a cursor names. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    /** Everything in one page, for the answers returned unpaged ({@code format=pairs}). */
    public static final PageRequest EVERYTHING = new PageRequest(Integer.MAX_VALUE, Optional.empty());

    public PageRequest {
        if (limit < 1) {
            throw new InvalidValueException("limit must be at least 1");
        }
    }

    /** A page as a client asks for it: the limit must lie in 1..10000. */
    public static PageRequest of(Optional<Integer> limit, Optional<String> cursor) {
        int size = limit.orElse(DEFAULT_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidValueException("limit must lie in 1.." + MAX_LIMIT + ", was " + size);
        }
        return new PageRequest(size, cursor);
    }
}
