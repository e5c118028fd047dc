package dev.timelines.application.question;

/** A question made of sums over timelines ({@link RetractablePartial}): as known at a moment, it is built from now. */
public sealed interface RetractableQuestion<P extends RetractablePartial<P, ?, ?>> extends PartialQuestion<P>
        permits PartialProcessMap.Question, PartialAdjacentValues.Question, PartialStateCounts.Question,
        PartialTimeInStates.Question, PartialFunnel.Question {
}
