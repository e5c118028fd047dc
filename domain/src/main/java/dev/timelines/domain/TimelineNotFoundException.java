package dev.timelines.domain;

/** The named timeline has no events (it never had any, or it was deleted). */
public final class TimelineNotFoundException extends DomainException {

    private final TimelineKey key;

    public TimelineNotFoundException(TimelineKey key) {
        super("timeline '" + key.value() + "' does not exist");
        this.key = key;
    }

    public TimelineKey key() {
        return key;
    }
}
