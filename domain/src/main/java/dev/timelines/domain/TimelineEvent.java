package dev.timelines.domain;

/**
 * A stored event with the timeline it belongs to: what an export writes, one per line, and what an import stores
 * again exactly as it was ({@code seq}, {@code received} and id included).
 */
public record TimelineEvent(TimelineKey timeline, Event event) {

    public TimelineEvent {
        if (timeline == null || event == null) {
            throw new IllegalArgumentException("a timeline event needs its timeline and its event");
        }
    }
}
