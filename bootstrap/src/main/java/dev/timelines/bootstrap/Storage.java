package dev.timelines.bootstrap;

import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import java.util.function.BooleanSupplier;

/**
 * The ports of the configured storage adapter, chosen together so that reads see what writes stored, with
 * what operations need of it: whether it takes writes, and how to close it.
 */
record Storage(EventLog log, TimelineReader reader, CrossTimelineQueries queries, BooleanSupplier writable,
        AutoCloseable resources) {
}
