package dev.timelines.adapters.out.postgres;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The durable seq as this instance last read it ({@code durable_seq()}, see {@link PostgresStoreHistory}), read again
 * only when it may have risen: after a write through this instance ended, or when the listener hears of a write
 * through another. Every step of every stream client asks for it; reading {@code pg_locks} each time would make the
 * clients wait on the database and on each other. The value kept is never above the truth, only behind it until the
 * next reading, and it never falls: a later reading may see a lower bound announced late.
 */
final class Watermark {

    /** A value read once at least {@code writes} writes through this instance had ended. */
    private record Reading(long value, long writes) {

        Reading merge(Reading other) {
            return new Reading(Math.max(value, other.value), Math.max(writes, other.writes));
        }
    }

    private final LongSupplier read;
    private final AtomicLong writes = new AtomicLong(1);
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(0, 0));

    Watermark(LongSupplier read) {
        this.read = read;
    }

    /** A write through this instance ended (committed or not). */
    void written() {
        writes.incrementAndGet();
    }

    /** The last reading if no write ended since it began, else a new one. */
    long current() {
        Reading reading = last.get();
        return reading.writes() >= writes.get() ? reading.value() : refresh();
    }

    long refresh() {
        long ended = writes.get();
        return last.accumulateAndGet(new Reading(read.getAsLong(), ended), Reading::merge).value();
    }
}
