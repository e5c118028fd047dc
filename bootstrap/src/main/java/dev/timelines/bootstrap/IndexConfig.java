package dev.timelines.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code timelines.index.*}: the bounds of the memory engine's attribute indexes (docs/semantics.md). */
@ConfigMapping(prefix = "timelines.index")
public interface IndexConfig {

    /** Distinct values an attribute may have and still be indexed; beyond, cross-timeline questions are refused. */
    @WithDefault("100000")
    int maxValues();

    /** Attributes indexed at once; asking about one more drops the least recently asked. */
    @WithDefault("16")
    int maxAttributes();
}
