package dev.timelines.application.service;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The state questions; supplies "now", where a state still held ends: the scope's moment, or the clock's. */
public final class StateAnalysisService implements AnalyzeStatesUseCase {

    private static final String STUCK = "s1";

    private final Questions questions;
    private final Clock clock;

    public StateAnalysisService(StoreScans scans, IndexedAnswers indexed, Clock clock) {
        this(scans, indexed, OtherParts.NONE, clock);
    }

    public StateAnalysisService(StoreScans scans, IndexedAnswers indexed, OtherParts others, Clock clock) {
        this.questions = new Questions(scans, indexed, others);
        this.clock = clock;
    }

    @Override
    public StateCounts statesAt(Attribute attribute, Timestamp at, Scope scope, boolean ages) {
        return questions.answer(attribute, new PartialStateCounts.Question(at, scope, ages));
    }

    @Override
    public List<TimeInState> timeInStates(Attribute attribute, Window window, Scope scope) {
        Timestamp now = scope.asOf().orElseGet(() -> Timestamp.of(clock.instant()));
        return questions.answer(attribute, new PartialTimeInStates.Question(window, now, scope));
    }

    @Override
    public Page<StuckTimeline> stuck(Attribute attribute, Optional<JsonValue> value, long longerThanMicros,
            Timestamp at, Scope scope, PageRequest page) {
        Optional<StuckRun.Position> after = page.cursor().map(StateAnalysisService::positionAfter);
        List<StuckTimeline> found = questions.answer(attribute,
                new StuckRun.Question(value, longerThanMicros, at, after, Paging.fetchSize(page), scope));
        return Paging.page(found, page, stuck -> Cursors.encode(STUCK, stuck.since().micros(), stuck.timeline().value()));
    }

    private static StuckRun.Position positionAfter(String cursor) {
        String[] fields = Cursors.decode(STUCK, cursor, 2);
        try {
            return new StuckRun.Position(Cursors.number(fields[0]), new TimelineKey(fields[1]));
        } catch (InvalidValueException e) {
            throw new InvalidCursorException();
        }
    }
}
