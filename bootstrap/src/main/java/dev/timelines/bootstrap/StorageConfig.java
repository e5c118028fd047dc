package dev.timelines.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code timelines.*} settings of SPEC section 4. */
@ConfigMapping(prefix = "timelines")
public interface StorageConfig {

    /** Which adapter stores events. */
    enum Kind {
        MEMORY
    }

    @WithDefault("memory")
    Kind storage();
}
