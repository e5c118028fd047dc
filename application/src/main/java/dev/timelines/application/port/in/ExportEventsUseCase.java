package dev.timelines.application.port.in;

import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.util.function.Consumer;

/** Reads the store's events in seq order, as they were stored, for a backup or a move to another storage. */
public interface ExportEventsUseCase {

    /** Hands over every stored event in increasing seq order, holding a bounded number at a time. */
    void exportAll(Consumer<TimelineEvent> event);

    /**
     * Finds the timeline, then returns what hands over its events in increasing seq order: the check comes first,
     * so that a reply can still say 404 before anything is written.
     *
     * @throws dev.timelines.domain.TimelineNotFoundException when the key has no events
     */
    Export exportTimeline(TimelineKey key);

    /** An export that has been checked and is ready to run. */
    interface Export {
        void run(Consumer<TimelineEvent> event);
    }
}
