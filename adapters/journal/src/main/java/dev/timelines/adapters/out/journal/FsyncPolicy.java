package dev.timelines.adapters.out.journal;

import java.time.Duration;
import java.util.Objects;

/** When appended bytes are forced to stable storage, and so when an append is acknowledged. */
public sealed interface FsyncPolicy {

    /** Fsync before every append returns; concurrent appends share one fsync (group commit). */
    static FsyncPolicy always() {
        return new Always();
    }

    /** Acknowledge after write(); a background fsync runs at most once per {@code period}. */
    static FsyncPolicy interval(Duration period) {
        return new Interval(period);
    }

    /**
     * An append returns only after an fsync covering its bytes completed: nothing acknowledged is lost to
     * a process crash or a power failure.
     */
    record Always() implements FsyncPolicy {
    }

    /**
     * An append returns once its bytes are written to the operating system; the journal's writer thread
     * fsyncs at most once per period while there is unsynced data. Acknowledged appends survive a process
     * crash (the kernel holds them) but up to one period of them can be lost on power failure or a kernel
     * crash.
     */
    record Interval(Duration period) implements FsyncPolicy {

        public Interval {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("fsync interval must be positive: " + period);
            }
        }
    }
}
