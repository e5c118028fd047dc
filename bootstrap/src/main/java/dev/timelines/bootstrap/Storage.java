package dev.timelines.bootstrap;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;

/** The ports of one storage adapter, chosen together so that reads see what writes stored. */
record Storage(EventLog log, TimelineReader reader) {

    static <S extends EventLog & TimelineReader> Storage of(S store) {
        return new Storage(store, store);
    }
}
