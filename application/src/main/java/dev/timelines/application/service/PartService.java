package dev.timelines.application.service;

import dev.timelines.application.port.in.AnswerPartUseCase;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.RetractableQuestion;
import dev.timelines.domain.Attribute;

/** This node's part of an answer, computed as for its own questions (fast path, fold, as known at), not merged. */
public final class PartService implements AnswerPartUseCase {

    private final Questions questions;

    public PartService(StoreScans scans, IndexedAnswers indexed) {
        this.questions = new Questions(scans, indexed, OtherParts.NONE);
    }

    @Override
    public PartialAnswer<?, ?, ?> part(Attribute attribute, PartialQuestion<?> question) {
        return question instanceof RetractableQuestion<?> sums
                ? questions.part(attribute, sums)
                : questions.part(attribute, question);
    }
}
