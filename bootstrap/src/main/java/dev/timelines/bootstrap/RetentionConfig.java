package dev.timelines.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The {@code timelines.retention.*} settings (docs/operations.md, Retention). */
@ConfigMapping(prefix = "timelines.retention")
public interface RetentionConfig {

    /** Timelines whose latest event timestamp is older than this are deleted; absent: retention is off. */
    Optional<Duration> maxAge();

    /** How often retention runs; the first run is one interval after the start. */
    @WithDefault("1h")
    Duration interval();
}
