package dev.timelines.adapters.out.postgres;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The durable seq as this instance last read it ({@code durable_seq()}, see {@link PostgresStoreHistory}), read again
 * only when it may have risen: after a write through this instance ended, or when the listener hears of a write
 * through another. Every step of every stream client asks for it; reading {@code pg_locks} each time would make the
 * clients wait on the database and on each other. The value kept is never above the truth, only behind it until the
 * next reading, and it never falls: a later reading may see a lower bound announced late.
 */
final class Watermark {

    private final LongSupplier read;
    private final AtomicLong known = new AtomicLong();
    /** Set after a write ends; cleared before reading, so that a write ending meanwhile sets it again. */
    private volatile boolean stale = true;

    Watermark(LongSupplier read) {
        this.read = read;
    }

    /** A write through this instance ended (committed or not). */
    void written() {
        stale = true;
    }

    long current() {
        return stale ? refresh() : known.get();
    }

    long refresh() {
        stale = false;
        return known.accumulateAndGet(read.getAsLong(), Math::max);
    }
}
