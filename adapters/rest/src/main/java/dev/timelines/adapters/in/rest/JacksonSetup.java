package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.timelines.domain.JsonValue;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Teaches the application's ObjectMapper to write domain JSON values and to refuse ambiguous input. */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("timelines").addSerializer(JsonValue.class, new JsonValueSerializer()));
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
