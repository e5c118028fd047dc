package dev.timelines.application.service;

import dev.timelines.application.port.in.AdjacentValues;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.PairStatistics;
import dev.timelines.application.port.in.ProcessMap;
import dev.timelines.application.port.in.TransitionFilter;
import dev.timelines.application.port.in.ValueCount;
import dev.timelines.application.port.in.ValueDurations;
import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonOrder;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Pages transition lists and ranks the process map and next/previous answers the storage port computes. */
public final class TransitionAnalysisService implements AnalyzeTransitionsUseCase {

    private static final String KIND = "x1";
    private static final Comparator<PairStatistics> PAIR_ORDER = Rankings
            .<PairStatistics, Long>largestFirst(PairStatistics::count, PairStatistics::from)
            .thenComparing(PairStatistics::to, JsonOrder.INSTANCE);
    private static final Comparator<ValueCount> COUNT_ORDER =
            Rankings.largestFirst(ValueCount::count, ValueCount::value);
    private static final Comparator<ValueDurations> NEIGHBOUR_ORDER =
            Rankings.largestFirst(ValueDurations::count, ValueDurations::value);

    private final CrossTimelineQueries queries;

    public TransitionAnalysisService(CrossTimelineQueries queries) {
        this.queries = queries;
    }

    @Override
    public Page<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries,
            PageRequest page) {
        Optional<TransitionPosition> after = page.cursor().map(TransitionAnalysisService::positionAfter);
        List<Transition> found = queries.transitions(attribute, filter, entries, after, Paging.fetchSize(page));
        return Paging.page(found, page, transition -> {
            TransitionPosition position = TransitionPosition.of(transition);
            return Cursors.encode(KIND, position.atMicros(), position.seq(), position.timeline());
        });
    }

    @Override
    public ProcessMap summary(Attribute attribute, TransitionFilter filter) {
        ProcessMap map = queries.processMap(attribute, filter);
        return new ProcessMap(map.pairs().stream().sorted(PAIR_ORDER).toList(),
                map.entries().stream().sorted(COUNT_ORDER).toList());
    }

    @Override
    public AdjacentValues next(Attribute attribute, JsonValue value, Window window) {
        return ranked(queries.next(attribute, value, window));
    }

    @Override
    public AdjacentValues previous(Attribute attribute, JsonValue value, Window window) {
        return ranked(queries.previous(attribute, value, window));
    }

    private static AdjacentValues ranked(AdjacentValues answer) {
        return new AdjacentValues(answer.value(), answer.entries(),
                answer.neighbours().stream().sorted(NEIGHBOUR_ORDER).toList(), answer.none());
    }

    private static TransitionPosition positionAfter(String cursor) {
        String[] fields = Cursors.decode(KIND, cursor, 3);
        return new TransitionPosition(Cursors.number(fields[0]), fields[2], Cursors.number(fields[1]));
    }
}
