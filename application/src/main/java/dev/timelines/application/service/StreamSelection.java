package dev.timelines.application.service;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.StayFold;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Transition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transitions a stream is about, and the messages of a step: for each timeline the step's writes changed, in key
 * order, the difference between its transitions before and after, each side selected as {@code /transitions}
 * selects them ({@link TransitionRun}), so the stream has no rule of its own. Streams with equal selections share
 * one {@link StreamHub}.
 */
record StreamSelection(Attribute attribute, TransitionFilter filter, boolean entries) {

    /**
     * The messages of the step ({@code after}, {@code upTo}]: a function of the store's history alone.
     *
     * @throws dev.timelines.application.port.out.HistoryGoneException if {@code after} lies below the horizon
     */
    StreamStep step(StoreHistory history, long after, long upTo) {
        List<TransitionChange> messages = new ArrayList<>();
        for (TimelineKey key : new TreeSet<>(history.changed(after, upTo))) {
            Optional<Timeline> now = history.asOf(key, upTo);
            messages.addAll(changes(before(history, key, after, now), now));
        }
        return new StreamStep(after, upTo, messages);
    }

    /**
     * The timeline as of {@code after}, read from the history only when {@code now} cannot tell it: a timeline that
     * still holds an event written by then was not deleted since (a deletion takes every event before it), so it
     * was then its events up to that seq. This saves a read of the timeline, which the step's cost is made of.
     */
    private static Optional<Timeline> before(StoreHistory history, TimelineKey key, long after,
            Optional<Timeline> now) {
        Optional<Timeline> then = now.flatMap(timeline -> timeline.upToSeq(after));
        return then.isPresent() ? then : history.asOf(key, after);
    }

    /** Retractions of what the timeline no longer has, then the transitions it gained, each in list order. */
    private List<TransitionChange> changes(Optional<Timeline> then, Optional<Timeline> now) {
        List<Transition> before = selected(then);
        List<Transition> after = selected(now);
        Set<Transition> had = new HashSet<>(before);
        Set<Transition> has = new HashSet<>(after);
        List<TransitionChange> changes = new ArrayList<>();
        before.stream().filter(transition -> !has.contains(transition))
                .forEach(gone -> changes.add(new TransitionChange(TransitionChange.Kind.RETRACTION, gone)));
        after.stream().filter(transition -> !had.contains(transition))
                .forEach(added -> changes.add(new TransitionChange(TransitionChange.Kind.TRANSITION, added)));
        return changes;
    }

    private List<Transition> selected(Optional<Timeline> timeline) {
        if (timeline.isEmpty()) {
            return List.of();
        }
        TimelineStays stays = new TimelineStays(timeline.get().key(), timeline.get().stays(attribute), Map.of());
        return StayFold.add(stays, new TransitionRun(filter, entries, Optional.empty(), Integer.MAX_VALUE,
                Scope.ALL)).answer();
    }
}
