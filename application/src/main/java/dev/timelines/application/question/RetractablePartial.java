package dev.timelines.application.question;

import dev.timelines.application.model.Scope;

/**
 * A partial answer made of sums over timelines (counts, totals, duration samples), so that the part some timelines
 * added can be taken out again exactly: the store as known at a moment is then the answer now, without the
 * timelines that changed since, with those timelines as they were.
 */
public interface RetractablePartial<P extends RetractablePartial<P, A, C>, A, C extends Record>
        extends PartialAnswer<P, A, C> {

    /** A new, empty partial answer of the same question in another scope. */
    P inScope(Scope scope);

    /** Takes out the part of timelines this partial answer has counted, as {@code counted} holds it; returns this. */
    P without(P counted);
}
