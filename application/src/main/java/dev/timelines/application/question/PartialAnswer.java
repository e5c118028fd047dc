package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;

/**
 * One question across timelines as a fold (docs/architecture.md, "One definition per question"): the stays it
 * needs, how the stays of one timeline add to the answer, how two partial answers over disjoint sets of timelines
 * merge (associatively: one store, several shards and the reference storage use the same code), and the finish
 * step that makes the reply. Not thread-safe.
 *
 * @param <P> the partial answer itself
 * @param <A> the reply it finishes into
 */
public interface PartialAnswer<P extends PartialAnswer<P, A>, A> {

    /** The stays this question is made of. */
    StaySelection selection();

    /** The condition and the moment the store is read as known at. */
    Scope scope();

    /**
     * Adds one timeline, a timeline only once: its selected stays (at least one, in time order) and the stays of
     * the attributes its condition names.
     */
    void add(TimelineStays timeline);

    /**
     * Takes in the spellings of the store this partial was filled from (see {@link Spellings}), for the values the
     * answer shows; a question showing no stored value has nothing to spell.
     */
    void spell(ValueSpellings store);

    /** Takes in a partial answer of the same question over other timelines; returns this. */
    P merge(P other);

    /** The reply, ranked as every storage ranks it. */
    A answer();
}
