package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.timelines.application.port.in.PageRequest;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request limits in force, checked once at start, and the words that name them: a refusal always says which
 * setting it hit, so that an operator knows what to raise and a client what to split.
 */
@Startup
@Singleton
public class Limits {

    static final String BODY_SIZE = "timelines.limits.body-size";
    static final String DATA_SIZE = "timelines.limits.data-size";
    static final String NESTING_DEPTH = "timelines.limits.nesting-depth";
    static final String NUMBER_LENGTH = "timelines.limits.number-length";
    static final String NAME_LENGTH = "timelines.limits.name-length";
    static final String STRING_LENGTH = "timelines.limits.string-length";
    static final String PAGE_SIZE = "timelines.limits.page-size";

    /** Jackson names the constraint it enforced by its getter, the one stable part of its message. */
    private static final Pattern JACKSON_CONSTRAINT = Pattern.compile(
            "^(.*?) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints\\.(getMax\\w+)\\(\\)`\\)");
    private static final Map<String, String> SETTING_OF_CONSTRAINT = Map.of(
            "getMaxNestingDepth", NESTING_DEPTH,
            "getMaxNumberLength", NUMBER_LENGTH,
            "getMaxNameLength", NAME_LENGTH,
            "getMaxStringLength", STRING_LENGTH);

    private final long bodyBytes;
    private final long dataBytes;
    private final int nestingDepth;
    private final int numberLength;
    private final int nameLength;
    private final int stringLength;
    private final int pageSize;

    public Limits(LimitsConfig config) {
        this.bodyBytes = positive(BODY_SIZE, config.bodySize().asLongValue());
        this.dataBytes = positive(DATA_SIZE, config.dataSize().asLongValue());
        this.nestingDepth = (int) positive(NESTING_DEPTH, config.nestingDepth());
        this.numberLength = (int) positive(NUMBER_LENGTH, config.numberLength());
        this.nameLength = (int) positive(NAME_LENGTH, config.nameLength());
        this.stringLength = (int) positive(STRING_LENGTH, config.stringLength());
        this.pageSize = (int) positive(PAGE_SIZE, config.pageSize());
        if (pageSize > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(PAGE_SIZE + " must be at most " + PageRequest.MAX_LIMIT + " ");
        }
    }

    long bodyBytes() {
        return bodyBytes;
    }

    long dataBytes() {
        return dataBytes;
    }

    int nestingDepth() {
        return nestingDepth;
    }

    int pageSize() {
        return pageSize;
    }

    /** What the JSON parser enforces while it reads, before any value is built. */
    StreamReadConstraints parserConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(nestingDepth)
                .maxNumberLength(numberLength)
                .maxNameLength(nameLength)
                .maxStringLength(stringLength)
                .build();
    }

    /** The parser's refusal in the service's words: what was too large, and the setting that bounds it. */
    static String describe(StreamConstraintsException e) {
        Matcher matcher = JACKSON_CONSTRAINT.matcher(e.getOriginalMessage());
        if (matcher.find() && SETTING_OF_CONSTRAINT.containsKey(matcher.group(3))) {
            return matcher.group(1) + " exceeds " + SETTING_OF_CONSTRAINT.get(matcher.group(3)) + " ("
                    + matcher.group(2) + ")";
        }
        return e.getOriginalMessage();
    }

    private static long positive(String setting, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be positive, was " + value);
        }
        return value;
    }
}
