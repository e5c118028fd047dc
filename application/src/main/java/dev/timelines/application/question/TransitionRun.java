package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Transition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The transition list (docs/semantics.md, "Transitions"): transitions in the window from and to the filter's
 * values, entries only when asked, after a position in {@link TransitionPosition} order, at most {@code limit}.
 * A condition is evaluated at each transition's own change point. Runs merge by sorting.
 */
public final class TransitionRun implements PartialAnswer<TransitionRun, List<Transition>, TransitionRun.Contents> {

    private static final Comparator<Transition> ORDER = Comparator.comparing(TransitionPosition::of);

    /** A page of the transition list. */
    public record Question(TransitionFilter filter, boolean entries, Optional<TransitionPosition> after, int limit,
            Scope scope) implements PartialQuestion<TransitionRun> {

        @Override
        public TransitionRun ask() {
            return new TransitionRun(filter, entries, after, limit, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, TransitionRun partial) {
            return indexed.transitions(attribute, partial);
        }
    }

    /** The first transitions found, in list order. */
    public record Contents(List<Transition> transitions) {
    }

    private final TransitionFilter filter;
    private final boolean entries;
    private final Optional<TransitionPosition> after;
    private final int limit;
    private final Scope scope;
    private final SortedRun<Transition> found;
    private final Spellings spellings = new Spellings();

    public TransitionRun(TransitionFilter filter, boolean entries, Optional<TransitionPosition> after, int limit,
            Scope scope) {
        this.filter = filter;
        this.entries = entries;
        this.after = after;
        this.limit = limit;
        this.scope = scope;
        this.found = new SortedRun<>(ORDER, limit);
    }

    public TransitionFilter filter() {
        return filter;
    }

    public boolean entries() {
        return entries;
    }

    public Optional<TransitionPosition> after() {
        return after;
    }

    public int limit() {
        return limit;
    }

    @Override
    public StaySelection selection() {
        return StaySelection.transitions(filter);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        for (Stay stay : timeline.enteredWhere(scope.where())) {
            Transition transition = stay.transition();
            if ((entries || !transition.isEntry())
                    && after.map(position -> TransitionPosition.of(transition).compareTo(position) > 0).orElse(true)) {
                found.add(transition);
            }
        }
    }

    /** Adds transitions found elsewhere, all selected and after the position, in list order. */
    public void addSorted(List<Transition> transitions) {
        found.addSorted(transitions);
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public TransitionRun merge(TransitionRun other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(found.first());
    }

    @Override
    public TransitionRun addContents(Contents contents) {
        addSorted(contents.transitions());
        return this;
    }

    @Override
    public List<Transition> answer() {
        return found.first().stream().map(transition -> new Transition(transition.timeline(), transition.at(),
                transition.seq(), transition.from().map(spellings::shown), spellings.shown(transition.to()),
                transition.durationMicros())).toList();
    }
}
