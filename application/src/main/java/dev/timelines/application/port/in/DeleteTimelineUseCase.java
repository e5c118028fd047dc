package dev.timelines.application.port.in;

import dev.timelines.domain.TimelineKey;

/** Forgets a timeline: its events, their ids and everything derived from them. */
public interface DeleteTimelineUseCase {

    /** @throws dev.timelines.domain.TimelineNotFoundException when the key has no events */
    void delete(TimelineKey key);
}
