package dev.timelines.application.service;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.List;

/** The state questions; supplies "now", where a state still held ends. */
public final class StateAnalysisService implements AnalyzeStatesUseCase {

    private final Questions questions;
    private final Clock clock;

    public StateAnalysisService(StoreScans scans, IndexedAnswers indexed, Clock clock) {
        this.questions = new Questions(scans, indexed);
        this.clock = clock;
    }

    @Override
    public StateCounts statesAt(Attribute attribute, Timestamp at) {
        return questions.answer(attribute, new PartialStateCounts(at), IndexedAnswers::statesAt);
    }

    @Override
    public List<TimeInState> timeInStates(Attribute attribute, Window window) {
        return questions.answer(attribute, new PartialTimeInStates(window, Timestamp.of(clock.instant())),
                IndexedAnswers::timeInStates);
    }
}
