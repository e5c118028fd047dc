package dev.timelines.application.service;

import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.StateCounts;
import dev.timelines.application.port.in.TimeInState;
import dev.timelines.application.port.in.ValueCount;
import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** Ranks the state answers of the storage port; supplies "now", where the open last state ends. */
public final class StateAnalysisService implements AnalyzeStatesUseCase {

    private static final Comparator<ValueCount> COUNT_ORDER =
            Rankings.largestFirst(ValueCount::count, ValueCount::value);
    private static final Comparator<TimeInState> TIME_ORDER =
            Rankings.largestFirst(TimeInState::micros, TimeInState::value);

    private final CrossTimelineQueries queries;
    private final Clock clock;

    public StateAnalysisService(CrossTimelineQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public StateCounts statesAt(Attribute attribute, Timestamp at) {
        StateCounts counts = queries.statesAt(attribute, at);
        return new StateCounts(counts.at(), counts.counts().stream().sorted(COUNT_ORDER).toList());
    }

    @Override
    public List<TimeInState> timeInStates(Attribute attribute, Window window) {
        return queries.timeInStates(attribute, window, Timestamp.of(clock.instant())).stream()
                .sorted(TIME_ORDER).toList();
    }
}
