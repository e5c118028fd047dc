package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.application.model.Scope;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.DurationExpression;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimeExpression;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads path and query parameters into domain values. Every failure names its parameter, which is why
 * parameters arrive here as plain strings rather than through JAX-RS conversion.
 */
@ApplicationScoped
public class QueryParameters {

    /** Marks a value parameter as a JSON literal rather than a string. */
    static final String JSON_PREFIX = "json:";

    private final Clock clock;
    private final ObjectMapper mapper;
    private final int maxPageSize;

    public QueryParameters(Clock clock, ObjectMapper mapper, Limits limits) {
        this.clock = clock;
        this.mapper = mapper;
        this.maxPageSize = limits.pageSize();
    }

    Timestamp now() {
        return Timestamp.of(clock.instant());
    }

    /** The key in a path, given still percent-encoded ({@code @Encoded}): see {@link PathSegment}. */
    TimelineKey key(String key) {
        return named("key", () -> new TimelineKey(PathSegment.decode(key)));
    }

    Attribute attribute(String attribute) {
        return named("attribute", () -> new Attribute(required(attribute)));
    }

    /** {@code asOf}, read against the clock; a moment in the future is now. */
    Reading reading(String asOf) {
        Timestamp now = now();
        Optional<Timestamp> moment = time("asOf", asOf, now).map(given -> given.compareTo(now) > 0 ? now : given);
        return new Reading(moment.orElse(now), moment);
    }

    Window window(String since, String until, Reading reading) {
        Optional<Timestamp> from = time("since", since, reading.now());
        Optional<Timestamp> to = time("until", until, reading.now());
        return named("since", () -> new Window(from, to));
    }

    /** The moment {@code at}; the reading's now when omitted. */
    Timestamp at(String at, Reading reading) {
        return time("at", at, reading.now()).orElse(reading.now());
    }

    /** The question's scope: its {@code where} condition, and the reading's moment. */
    Scope scope(String where, Reading reading) {
        return new Scope(where(where), reading.asOf());
    }

    /**
     * {@code where}: a JSON object of attribute (a top-level key or a JSON Pointer) to value; all must hold.
     * {@code {}} or no parameter is no condition.
     */
    Condition where(String where) {
        if (where == null) {
            return Condition.NONE;
        }
        return named("where", () -> {
            if (!(json(where) instanceof JsonValue.Obj members)) {
                throw new InvalidValueException(
                        "must be a JSON object of attribute to value, such as {\"priority\":\"high\"}");
            }
            Map<Attribute, JsonValue> condition = new LinkedHashMap<>();
            members.members().forEach((name, value) -> condition.put(new Attribute(name), value));
            return new Condition(condition);
        });
    }

    /** A duration parameter such as {@code longerThan}: seconds, or a number with one unit of s, m, h, d. */
    long duration(String name, String text) {
        return named(name, () -> DurationExpression.parseMicros(required(text)));
    }

    /** A funnel of the given steps: 2 to 16 of them. */
    Funnel funnel(List<JsonValue> steps, Optional<Long> within) {
        return named("step", () -> new Funnel(steps, within));
    }

    Optional<Long> optionalDuration(String name, String text) {
        return Optional.ofNullable(text).map(given -> duration(name, given));
    }

    /**
     * A value to match (docs/semantics.md): the string as written, or after {@code json:} a JSON literal read
     * the way event bodies are read, so {@code json:1.0} equals {@code 1} and {@code json:null} is null.
     */
    JsonValue value(String name, String text) {
        return named(name, () -> literal(required(text)));
    }

    Optional<JsonValue> optionalValue(String name, String text) {
        return Optional.ofNullable(text).map(given -> value(name, given));
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
        Optional<Integer> size = Optional.ofNullable(limit).map(text -> named("limit", () -> pageSize(text)));
        return named("limit", () -> PageRequest.of(size, Optional.ofNullable(cursor)));
    }

    /** A required time parameter; relative times count back from now. */
    Timestamp moment(String name, String text) {
        return time(name, named(name, () -> required(text)), now()).orElseThrow();
    }

    private static Optional<Timestamp> time(String name, String text, Timestamp now) {
        return Optional.ofNullable(text).map(value -> named(name, () -> TimeExpression.parse(value, now)));
    }

    private JsonValue literal(String text) {
        if (!text.startsWith(JSON_PREFIX)) {
            return new JsonValue.Str(text);
        }
        try {
            return json(text.substring(JSON_PREFIX.length()));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.getMessage() + " after 'json:' (a string is json:\"text\")");
        }
    }

    /** One JSON value, read the way event bodies are read (limits included). */
    private JsonValue json(String text) {
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            return JsonValueReader.readWhole(parser);
        } catch (StreamConstraintsException e) {
            throw new InvalidValueException("is too large: " + Limits.describe(e));
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("is not JSON");
        } catch (MalformedBodyException e) {
            throw new InvalidValueException("is not one JSON value: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page size within 1..{@code timelines.limits.page-size} (at most 10000). */
    private int pageSize(String text) {
        String range = "must be a whole number from 1 to " + maxPageSize + " (" + Limits.PAGE_SIZE + ")";
        try {
            int size = Integer.parseInt(text);
            if (size < 1 || size > maxPageSize) {
                throw new InvalidValueException(range + ", was " + size);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(range);
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
