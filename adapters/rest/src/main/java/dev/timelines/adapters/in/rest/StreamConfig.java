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

    /**
     * The last seqs whose timeline the memory engine remembers (memory and journal storage): a stream positioned
     * further back is answered 410. A long and a reference each. On PostgreSQL, the seqs a deletion and the events
     * it removed are kept for, on disk; a position is answered 410 only once a deletion after it was pruned.
     */
    @WithDefault("1000000")
    int retainedSeqs();

    /**
     * Events of deleted timelines the memory engine keeps as they were, so that a stream positioned before a
     * deletion still retracts what it deleted; past it the oldest deletion is forgotten and positions before it
     * are answered 410.
     */
    @WithDefault("1000000")
    long retainedDeletedEvents();

    /** The most seqs one step of a stream covers: bounds the work and the messages of each step. */
    @WithDefault("4096")
    long maxStep();
}
