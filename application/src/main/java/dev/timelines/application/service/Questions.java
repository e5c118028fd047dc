package dev.timelines.application.service;

import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.StayFold;
import dev.timelines.domain.Attribute;

/** Answers a question through the storage's fast path for it when it offers one, else by folding its scans. */
final class Questions {

    /** One of the {@link IndexedAnswers} methods. */
    interface FastPath<P> {
        boolean fill(IndexedAnswers indexed, Attribute attribute, P partial);
    }

    private final StoreScans scans;
    private final IndexedAnswers indexed;

    Questions(StoreScans scans, IndexedAnswers indexed) {
        this.scans = scans;
        this.indexed = indexed;
    }

    <P extends PartialAnswer<P, A>, A> A answer(Attribute attribute, P partial, FastPath<P> fastPath) {
        if (!fastPath.fill(indexed, attribute, partial)) {
            StayFold.fold(scans, attribute, partial);
        }
        return partial.answer();
    }

    StoreScans scans() {
        return scans;
    }
}
