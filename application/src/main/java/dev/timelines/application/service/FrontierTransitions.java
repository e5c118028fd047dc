package dev.timelines.application.service;

import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Transition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a selection selected in each timeline as of a hub's frontier, for the timelines its last steps changed: the
 * next step's "before" side of such a timeline without reading it again (a step's cost is its reads). A timeline no
 * step changed since it was remembered is as it was, so an entry stays true until the timeline changes, and each step
 * replaces the entries of the timelines it changed. Bounded: the entry used longest ago goes first, and a timeline
 * forgotten is read again. Used by one thread at a time (the hub's computing one).
 */
final class FrontierTransitions {

    /** At a few dozen bytes an entry, a few MB per selection: more timelines than change within most runs of steps. */
    static final int REMEMBERED = 65_536;

    private final int capacity;
    /** In access order: putting a timeline again makes it the last to be forgotten. */
    private final Map<TimelineKey, List<Transition>> selected = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TimelineKey, List<Transition>> eldest) {
            return size() > capacity;
        }
    };

    FrontierTransitions(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers nothing: for a step not at a hub's frontier. */
    static FrontierTransitions none() {
        return new FrontierTransitions(0);
    }

    /** What the selection selected in the timeline as of the frontier, if remembered. */
    Optional<List<Transition>> of(TimelineKey key) {
        return Optional.ofNullable(selected.get(key));
    }

    /** The frontier moved past a step: what it selects in each timeline the step changed, as of the step's end. */
    void moved(Map<TimelineKey, List<Transition>> changed) {
        selected.putAll(changed);
    }

    /** The frontier jumped (its history was gone): nothing remembered holds any more. */
    void forget() {
        selected.clear();
    }
}
