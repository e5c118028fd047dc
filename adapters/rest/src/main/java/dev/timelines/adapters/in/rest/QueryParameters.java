package dev.timelines.adapters.in.rest;

import dev.timelines.application.port.in.PageRequest;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.TimeExpression;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads path and query parameters into domain values. Every failure names its parameter, which is why
 * parameters arrive here as plain strings rather than through JAX-RS conversion.
 */
@ApplicationScoped
public class QueryParameters {

    private final Clock clock;

    public QueryParameters(Clock clock) {
        this.clock = clock;
    }

    Timestamp now() {
        return Timestamp.of(clock.instant());
    }

    TimelineKey key(String key) {
        return named("key", () -> new TimelineKey(key));
    }

    Attribute attribute(String attribute) {
        return named("attribute", () -> new Attribute(required(attribute)));
    }

    Window window(String since, String until) {
        Timestamp now = now();
        Optional<Timestamp> from = time("since", since, now);
        Optional<Timestamp> to = time("until", until, now);
        return named("since", () -> new Window(from, to));
    }

    /** The moment {@code at}; now when omitted. */
    Timestamp at(String at) {
        Timestamp now = now();
        return time("at", at, now).orElse(now);
    }

    HistoryMode mode(String mode) {
        if (mode == null || mode.equals("changes")) {
            return HistoryMode.CHANGES;
        }
        if (mode.equals("all")) {
            return HistoryMode.ALL;
        }
        throw InvalidRequestException.parameter("mode", "must be 'changes' or 'all'");
    }

    boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidRequestException.parameter(name, "must be 'true' or 'false'");
    }

    PageRequest page(String limit, String cursor) {
        Optional<Integer> size = Optional.ofNullable(limit).map(text -> named("limit", () -> integer(text)));
        return named("limit", () -> PageRequest.of(size, Optional.ofNullable(cursor)));
    }

    private static Optional<Timestamp> time(String name, String text, Timestamp now) {
        return Optional.ofNullable(text).map(value -> named(name, () -> TimeExpression.parse(value, now)));
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
        }
    }

    private static String required(String value) {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        return value;
    }

    private static <T> T named(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw InvalidRequestException.parameter(name, e.getMessage());
        }
    }
}
