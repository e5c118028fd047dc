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
 * @param <C> what it has counted and found, as plain data: {@link #contents()}
 */
public interface PartialAnswer<P extends PartialAnswer<P, A, C>, A, C extends Record> {

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

    /** Takes in a partial answer of the same question over other timelines, spellings included; returns this. */
    P merge(P other);

    /**
     * What this partial has counted and found, as plain data (records, lists, numbers, JSON values) and nothing of
     * the question, which whoever takes the contents in knows already: the form a node ships its partial in
     * (docs/scaling.md, "Kafka"). Values are as the partial holds them, before {@link #answer()} spells them; the
     * spellings of the store they came from travel apart ({@link Spellings#listed}, {@link Spellings#of}).
     */
    C contents();

    /**
     * Takes in the contents of a partial of the same question over other timelines, without their spellings:
     * what {@link #merge} does with the other partial's contents. Returns this.
     */
    P addContents(C contents);

    /** The reply, ranked as every storage ranks it. */
    A answer();
}
