package dev.timelines.adapters.in.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code timelines.limits.*}: how much one request may ask of the service (docs/operations.md). */
@ConfigMapping(prefix = "timelines.limits")
public interface LimitsConfig {

    /** The largest request body. */
    @WithDefault("32M")
    MemorySize bodySize();

    /** The largest {@code data} of one event, measured as compact JSON. */
    @WithDefault("1M")
    MemorySize dataSize();

    /** How deeply arrays and objects may nest in one JSON document (an NDJSON line, a body, a json: literal). */
    @WithDefault("1000")
    int nestingDepth();

    /** Characters in one JSON number. */
    @WithDefault("1000")
    int numberLength();

    /** Characters in one member name of a JSON object: as long as an attribute may be, so any key can be asked for. */
    @WithDefault("1024")
    int nameLength();

    /** Characters in one JSON string. */
    @WithDefault("1000000")
    int stringLength();

    /** The largest {@code limit} a page may ask for; docs/semantics.md, "Paging", caps it at 10000. */
    @WithDefault("10000")
    int pageSize();
}
