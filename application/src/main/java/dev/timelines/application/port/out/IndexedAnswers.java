package dev.timelines.application.port.out;

import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import java.util.function.Consumer;

/**
 * Fast paths a storage may offer beside {@link StoreScans}: it fills the partial answer of a question from its
 * own indexes (the memory engine's transition lists, PostgreSQL's pushed-down SQL) instead of handing over stays.
 * Each is optional: one that returns false has left the partial untouched, and the question is folded from the
 * scans. Fast paths are asked the plain questions only (no condition, the store as it is): the application
 * folds the others, or builds an earlier moment from a plain answer and {@link #changedSince}. The shared
 * contract checks every fast path against the reference storage (docs/architecture.md).
 * Methods may throw {@link dev.timelines.application.port.in.AttributeTooDiverseException}.
 */
public interface IndexedAnswers {

    /** A storage with no fast path. */
    IndexedAnswers NONE = new IndexedAnswers() {
    };

    /** The searches by state: the period of the key run's selection is a moment or a window. */
    default boolean keys(Attribute attribute, KeyRun partial) {
        return false;
    }

    default boolean transitions(Attribute attribute, TransitionRun partial) {
        return false;
    }

    default boolean processMap(Attribute attribute, PartialProcessMap partial) {
        return false;
    }

    default boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        return false;
    }

    default boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        return false;
    }

    default boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        return false;
    }

    /**
     * Hands over the timelines that changed after the scan's moment (an event of theirs was received since), each
     * as it is now and, when it had events then, as it was known then; the selection may be ignored. False when the
     * storage cannot list them: then questions as known at a moment are folded from the scans.
     */
    default boolean changedSince(StayScan scan, Consumer<TimelineStays> now, Consumer<TimelineStays> then) {
        return false;
    }

    default boolean stuck(Attribute attribute, StuckRun partial) {
        return false;
    }

    default boolean funnel(Attribute attribute, PartialFunnel partial) {
        return false;
    }
}
