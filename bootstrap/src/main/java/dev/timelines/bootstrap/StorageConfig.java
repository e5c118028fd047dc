package dev.timelines.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The {@code timelines.*} storage settings of SPEC section 4 (documented in docs/operations.md). */
@ConfigMapping(prefix = "timelines")
public interface StorageConfig {

    /** Which adapter stores events. */
    enum Kind {
        JOURNAL, MEMORY
    }

    @WithDefault("journal")
    Kind storage();

    Journal journal();

    /** {@code timelines.journal.*}. */
    interface Journal {

        @WithDefault("./data")
        Path dir();

        /** {@code always}: fsync before every reply, grouped; or a duration such as {@code 100ms}. */
        @WithDefault("always")
        String fsync();

        /** Size at which a segment file is closed and a new one begun. */
        @WithDefault("67108864")
        long segmentBytes();

        /** Operator's explicit choice to cut a corrupt journal at the damage instead of refusing to start. */
        @WithDefault("false")
        boolean truncateCorruptTail();
    }
}
