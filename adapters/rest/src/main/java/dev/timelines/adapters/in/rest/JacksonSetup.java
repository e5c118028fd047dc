package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.timelines.domain.JsonValue;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Teaches the application's ObjectMapper to write domain JSON values and to refuse ambiguous or oversized input:
 * duplicate keys, and anything past the configured {@link Limits}. NaN and Infinity stay refused, as Jackson
 * refuses non-standard numbers unless told otherwise.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    private final Limits limits;

    public JacksonSetup(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("timelines").addSerializer(JsonValue.class, new JsonValueSerializer()));
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(limits.parserConstraints());
        // A reply nests a stored value deeper than the request did (an event sits in "items" of the reply):
        // writing must allow more depth than reading, or an accepted event could never be served back.
        mapper.getFactory().setStreamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(limits.nestingDepth() + 8).build());
    }
}
