package dev.timelines.adapters.in.rest;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/** What the transitions streams have done, for metrics (docs/operations.md): counted here, exported by bootstrap. */
@Singleton
public class StreamStatistics {

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void sent() {
        messages.incrementAndGet();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    /** Streams open now. */
    public long open() {
        return open.get();
    }

    /** Transition and retraction messages written to clients since start. */
    public long messagesSent() {
        return messages.get();
    }

    /** Clients disconnected for not keeping up since start. */
    public long clientsDropped() {
        return dropped.get();
    }
}
