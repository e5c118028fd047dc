package dev.timelines.bootstrap;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The ports of the configured storage adapter, chosen together so that reads see what writes stored (its fast
 * paths {@link IndexedAnswers#NONE} when it offers none, the other parts of the store {@link OtherParts#NONE} unless
 * it is split over nodes) and its history of writes for the transitions stream, with what operations need of it:
 * whether it takes writes, how to close it, and how much it holds (empty for an adapter that cannot count without a
 * scan: its size is then not reported).
 */
record Storage(EventLog log, TimelineReader reader, StoreScans scans, IndexedAnswers indexed, StoreHistory history,
        BooleanSupplier writable, AutoCloseable resources, Optional<StoreSize> size, OtherParts others) {

    /** A storage held whole by this node. */
    Storage(EventLog log, TimelineReader reader, StoreScans scans, IndexedAnswers indexed, StoreHistory history,
            BooleanSupplier writable, AutoCloseable resources, Optional<StoreSize> size) {
        this(log, reader, scans, indexed, history, writable, resources, size, OtherParts.NONE);
    }
}
