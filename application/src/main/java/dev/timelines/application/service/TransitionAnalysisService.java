package dev.timelines.application.service;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.List;
import java.util.Optional;

/** The transition questions: the paged list, the process map, what came after or before a value, funnels. */
public final class TransitionAnalysisService implements AnalyzeTransitionsUseCase {

    private static final String KIND = "x1";

    private final Questions questions;

    public TransitionAnalysisService(StoreScans scans, IndexedAnswers indexed) {
        this(scans, indexed, OtherParts.NONE);
    }

    public TransitionAnalysisService(StoreScans scans, IndexedAnswers indexed, OtherParts others) {
        this.questions = new Questions(scans, indexed, others);
    }

    @Override
    public Page<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries, Scope scope,
            PageRequest page) {
        Optional<TransitionPosition> after = page.cursor().map(TransitionAnalysisService::positionAfter);
        List<Transition> found = questions.answer(attribute,
                new TransitionRun.Question(filter, entries, after, Paging.fetchSize(page), scope));
        return Paging.page(found, page, transition -> {
            TransitionPosition position = TransitionPosition.of(transition);
            return Cursors.encode(KIND, position.atMicros(), position.seq(), position.timeline());
        });
    }

    @Override
    public ProcessMap summary(Attribute attribute, TransitionFilter filter, Scope scope) {
        return questions.answer(attribute, new PartialProcessMap.Question(filter, scope));
    }

    @Override
    public AdjacentValues next(Attribute attribute, JsonValue value, Window window, Scope scope) {
        return questions.answer(attribute,
                new PartialAdjacentValues.Question(value, window, PartialAdjacentValues.Direction.NEXT, scope));
    }

    @Override
    public AdjacentValues previous(Attribute attribute, JsonValue value, Window window, Scope scope) {
        return questions.answer(attribute,
                new PartialAdjacentValues.Question(value, window, PartialAdjacentValues.Direction.PREVIOUS, scope));
    }

    @Override
    public List<FunnelStep> funnel(Attribute attribute, Funnel funnel, Window window, Scope scope) {
        return questions.answer(attribute, new PartialFunnel.Question(funnel, window, scope));
    }

    private static TransitionPosition positionAfter(String cursor) {
        String[] fields = Cursors.decode(KIND, cursor, 3);
        return new TransitionPosition(Cursors.number(fields[0]), fields[2], Cursors.number(fields[1]));
    }
}
