package dev.timelines.application.service;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.StayFold;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
        return step(history, after, upTo, FrontierTransitions.none());
    }

    /**
     * The messages of the step ({@code after}, {@code upTo}], taking what was selected as of {@code after} from
     * {@code frontier} where it remembers it, and telling it what is selected as of {@code upTo} once the step is
     * complete (a step that fails leaves it as it was).
     */
    StreamStep step(StoreHistory history, long after, long upTo, FrontierTransitions frontier) {
        Set<TimelineKey> changed = history.changed(after, upTo);
        Map<TimelineKey, List<Stay>> staysNow = history.staysAsOf(changed, attribute, upTo);
        List<TimelineKey> forgotten = changed.stream().filter(key -> frontier.of(key).isEmpty()).toList();
        Map<TimelineKey, List<Stay>> staysThen = history.staysAsOf(forgotten, attribute, after);
        // Most changed timelines have no message: only those that have are put in key order.
        SortedMap<TimelineKey, List<TransitionChange>> messages = new TreeMap<>();
        Map<TimelineKey, List<Transition>> now = new HashMap<>();
        for (TimelineKey key : changed) {
            List<Transition> selectedNow = selected(key, staysNow.get(key));
            List<TransitionChange> changes = changes(frontier.of(key)
                    .orElseGet(() -> selected(key, staysThen.get(key))), selectedNow);
            if (!changes.isEmpty()) {
                messages.put(key, changes);
            }
            now.put(key, selectedNow);
        }
        frontier.moved(now);
        return new StreamStep(after, upTo, messages.values().stream().flatMap(List::stream).toList());
    }

    /** Retractions of what the timeline no longer has, then the transitions it gained, each in list order. */
    private static List<TransitionChange> changes(List<Transition> before, List<Transition> after) {
        if (before.equals(after)) {
            return List.of();
        }
        Set<Transition> had = new HashSet<>(before);
        Set<Transition> has = new HashSet<>(after);
        List<TransitionChange> changes = new ArrayList<>();
        before.stream().filter(transition -> !has.contains(transition))
                .forEach(gone -> changes.add(new TransitionChange(TransitionChange.Kind.RETRACTION, gone)));
        after.stream().filter(transition -> !had.contains(transition))
                .forEach(added -> changes.add(new TransitionChange(TransitionChange.Kind.TRANSITION, added)));
        return changes;
    }

    /** The transitions it selects among the stays of one timeline. */
    private List<Transition> selected(TimelineKey key, List<Stay> stays) {
        return List.copyOf(StayFold.add(new TimelineStays(key, stays, Map.of()), new TransitionRun(filter, entries,
                Optional.empty(), Integer.MAX_VALUE, Scope.ALL)).answer());
    }
}
