package dev.timelines.adapters.in.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code timelines.stream.*}: the transitions stream's bounds (docs/operations.md). */
@ConfigMapping(prefix = "timelines.stream")
public interface StreamConfig {

    /** Messages sent to one client and not yet written to its connection; at this many, no more are prepared. */
    @WithDefault("1000")
    int buffer();

    /** How long a client's buffer may stay full, nothing written meanwhile, before the client is disconnected. */
    @WithDefault("10s")
    Duration maxStall();

    /** The longest a connection goes without a line: a comment is sent when nothing else was. */
    @WithDefault("15s")
    Duration keepAlive();

    /** Timeline revisions kept for clients that lag or resume; a position before them is answered 410. */
    @WithDefault("100000")
    int retainedChanges();

    /**
     * How long changes go on being recorded after the last stream started or stopped; past it, with no stream open,
     * writes are not recorded (they cost nothing extra) and earlier positions are answered 410.
     */
    @WithDefault("5m")
    Duration idleAfter();
}
