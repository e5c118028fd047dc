package dev.timelines.application.port.in;

import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.domain.Attribute;

/**
 * Answers a question across timelines for the part of the store this node holds, as another node of the cluster
 * asks it (docs/scaling.md, "Kafka"): the partial answer, spelled as this store shows values, not finished.
 */
public interface AnswerPartUseCase {

    PartialAnswer<?, ?, ?> part(Attribute attribute, PartialQuestion<?> question);
}
