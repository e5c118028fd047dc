package dev.timelines.application.service;

import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;

/** Deletes a timeline through the event log. */
public final class DeleteTimelineService implements DeleteTimelineUseCase {

    private final EventLog log;

    public DeleteTimelineService(EventLog log) {
        this.log = log;
    }

    @Override
    public void delete(TimelineKey key) {
        if (!log.delete(key)) {
            throw new TimelineNotFoundException(key);
        }
    }
}
