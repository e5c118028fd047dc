package dev.timelines.application.service;

import dev.timelines.application.port.in.RetentionUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;

/**
 * Finds the timelines whose latest event is before a moment and deletes each through {@link EventLog#delete}, the
 * path {@code DELETE /timelines/{key}} takes too. An event stored into one of them between the finding and its
 * deletion is deleted with it (docs/operations.md, Retention).
 */
public final class RetentionService implements RetentionUseCase {

    private final TimelineReader reader;
    private final EventLog log;

    public RetentionService(TimelineReader reader, EventLog log) {
        this.reader = reader;
        this.log = log;
    }

    @Override
    public int deleteTimelinesLastBefore(Timestamp moment) {
        int deleted = 0;
        for (TimelineKey key : reader.lastEventBefore(moment)) {
            if (log.delete(key)) {
                deleted++;
            }
        }
        return deleted;
    }
}
