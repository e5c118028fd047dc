package dev.timelines.bench.engines;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.service.IngestEventsService;
import dev.timelines.application.service.InspectTimelineService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Span;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Timelines in this JVM: the application's use cases over a storage adapter (the memory engine, or PostgreSQL),
 * wired as the service wires them. Ingest runs in batches as HTTP requests would bring them; the storage says
 * what the loaded events cost it (heap, or disk).
 */
public final class TimelinesInProcess implements Engine {

    /** Where the use cases keep the events, and what keeping them costs. */
    public interface Storage extends AutoCloseable {

        /** An empty store, opened as the service's producers open it. */
        Ports open() throws Exception;

        /** Records what the loaded store costs per stored event. */
        void footprint(Figures.Recorder figures, long events) throws Exception;
    }

    /** The storage ports the use cases are built on, one store usually playing every role. */
    public record Ports(EventLog log, TimelineReader reader, StoreScans scans, IndexedAnswers indexed) {
    }

    private static final Attribute STATUS = new Attribute(Parameters.ATTRIBUTE);

    private final int batchSize;
    private final Storage storage;
    private IngestEventsUseCase ingest;
    private InspectTimelineUseCase inspect;
    private AnalyzeTransitionsUseCase transitions;
    private AnalyzeStatesUseCase states;
    private SearchTimelinesUseCase search;
    /** The moment the batch ending at the load's {@code asOfRows} was acknowledged. */
    private Timestamp asOf;

    public TimelinesInProcess(int batchSize, Storage storage) {
        this.batchSize = batchSize;
        this.storage = storage;
    }

    /**
     * Ingests in batches of {@code batchSize} lines, except that a batch ends at {@code asOfRows}; once that batch
     * is stored, its moment is noted, and the next batch is received after it.
     */
    @Override
    public void load(Dataset dataset, long asOfRows, Figures.Recorder figures) throws Exception {
        Ports store = storage.open();
        Clock clock = Clock.systemUTC();
        ingest = new IngestEventsService(store.log(), clock);
        inspect = new InspectTimelineService(store.reader());
        transitions = new TransitionAnalysisService(store.scans(), store.indexed());
        states = new StateAnalysisService(store.scans(), store.indexed(), clock);
        search = new SearchTimelinesService(store.scans(), store.indexed());
        // The first question about an attribute builds its index; asked now, ingest pays for keeping it current.
        states.statesAt(STATUS, new Timestamp(0), Scope.ALL, false);

        long ingesting = 0;
        long read = 0;
        asOf = null;
        long started = System.nanoTime();
        try (NdjsonEvents events = NdjsonEvents.open(dataset.file())) {
            for (List<IncomingEvent> batch = events.next(size(read, asOfRows)); !batch.isEmpty();
                    batch = events.next(size(read, asOfRows))) {
                long before = System.nanoTime();
                ingest.ingest(batch);
                ingesting += System.nanoTime() - before;
                read += batch.size();
                if (read == asOfRows) {
                    asOf = acknowledged(clock);
                }
            }
        }
        if (asOf == null) {
            asOf = acknowledged(clock);
        }
        figures.throughput("ingest, use case only", dataset.events(), ingesting);
        figures.throughput("ingest with NDJSON parsing", dataset.events(), System.nanoTime() - started);
        storage.footprint(figures, dataset.events());
    }

    /** A batch's size: {@code batchSize}, or less to end at the rows asked about as of their moment. */
    private int size(long read, long asOfRows) {
        return read < asOfRows ? (int) Math.min(batchSize, asOfRows - read) : batchSize;
    }

    /**
     * The clock's reading now, after a batch was stored, and a wait until it has moved past it: the batch was
     * received at or before this moment, the next one will be received after it.
     */
    static Timestamp acknowledged(Clock clock) {
        Timestamp now = Timestamp.of(clock.instant());
        while (!now.isBefore(Timestamp.of(clock.instant()))) {
            Thread.onSpinWait();
        }
        return now;
    }

    @Override
    public Answer changes(String key) {
        Answer.Builder answer = Answer.inOrder();
        for (HistoryPoint point : inspect.history(new TimelineKey(key), STATUS, HistoryMode.CHANGES, Window.ALL,
                Optional.empty(), PageRequest.EVERYTHING).items()) {
            answer.point(point.timestamp().micros(), text(point.value()));
        }
        return answer.build();
    }

    @Override
    public Answer transitions(String from, String to, Span window) {
        TransitionFilter filter = new TransitionFilter(Optional.of(new JsonValue.Str(from)),
                Optional.of(new JsonValue.Str(to)), window(window));
        Answer.Builder answer = Answer.inOrder();
        for (Transition transition : transitions.transitions(STATUS, filter, false, Scope.ALL, PageRequest.EVERYTHING).items()) {
            answer.transition(transition.at().micros(), transition.timeline().value(),
                    text(transition.from().orElseThrow()), text(transition.to()), transition.durationMicros());
        }
        return answer.build();
    }

    @Override
    public Answer next(String value, Span window) {
        return next(transitions.next(STATUS, new JsonValue.Str(value), window(window), Scope.ALL));
    }

    private static Answer next(AdjacentValues next) {
        Answer.Builder answer = Answer.anyOrder().entries(next.entries()).none(next.none());
        for (ValueDurations neighbour : next.neighbours()) {
            answer.next(text(neighbour.value()), neighbour.count(), neighbour.duration().p50());
        }
        return answer.build();
    }

    @Override
    public Answer processMap(Span window) {
        ProcessMap map = transitions.summary(STATUS,
                new TransitionFilter(Optional.empty(), Optional.empty(), window(window)), Scope.ALL);
        Answer.Builder answer = Answer.anyOrder();
        for (PairStatistics pair : map.pairs()) {
            answer.pair(text(pair.from()), text(pair.to()), pair.count(), pair.duration().p50());
        }
        for (ValueCount entry : map.entries()) {
            answer.entry(text(entry.value()), entry.count());
        }
        return answer.build();
    }

    @Override
    public Answer statesAt(long atMicros) {
        return states(states.statesAt(STATUS, new Timestamp(atMicros), Scope.ALL, false));
    }

    private static Answer states(StateCounts counts) {
        Answer.Builder answer = Answer.anyOrder().timelines(counts.timelines());
        for (StateCount count : counts.counts()) {
            answer.state(text(count.value()), count.count());
        }
        return answer.build();
    }

    @Override
    public Answer inStateAt(String value, long atMicros) {
        Answer.Builder answer = Answer.inOrder();
        for (TimelineKey key : search.inState(STATUS, new JsonValue.Str(value), new Timestamp(atMicros), "",
                Scope.ALL, PageRequest.EVERYTHING).items()) {
            answer.timeline(key.value());
        }
        return answer.build();
    }

    @Override
    public Answer timeInStates(Span window) {
        Answer.Builder answer = Answer.anyOrder();
        for (TimeInState time : states.timeInStates(STATUS, window(window), Scope.ALL)) {
            answer.timeIn(text(time.value()), time.micros().longValueExact(), time.timelines());
        }
        return answer.build();
    }

    @Override
    public Answer stuck(String value, long longerThanMicros, long atMicros) {
        Answer.Builder answer = Answer.inOrder();
        for (StuckTimeline stuck : states.stuck(STATUS, Optional.of(new JsonValue.Str(value)), longerThanMicros,
                new Timestamp(atMicros), Scope.ALL, PageRequest.EVERYTHING).items()) {
            answer.stuck(stuck.timeline().value(), stuck.since().micros(), stuck.micros());
        }
        return answer.build();
    }

    @Override
    public Answer ages(long atMicros) {
        StateCounts counts = states.statesAt(STATUS, new Timestamp(atMicros), Scope.ALL, true);
        Answer.Builder answer = Answer.anyOrder().timelines(counts.timelines());
        for (StateCount count : counts.counts()) {
            DurationStatistics age = count.age().orElseThrow();
            answer.age(text(count.value()), count.count(), age.min(), age.p50(), age.p90(), age.p99(), age.max());
        }
        return answer.build();
    }

    @Override
    public Answer nextWhere(String value, Span window, String attribute, String condition) {
        Scope where = new Scope(new Condition(Map.of(new Attribute(attribute), new JsonValue.Str(condition))),
                Optional.empty());
        return next(transitions.next(STATUS, new JsonValue.Str(value), window(window), where));
    }

    @Override
    public Answer funnel(List<String> steps, long withinMicros, Span window) {
        Funnel funnel = new Funnel(steps.stream().<JsonValue>map(JsonValue.Str::new).toList(),
                Optional.of(withinMicros));
        Answer.Builder answer = Answer.inOrder();
        int index = 1;
        for (FunnelStep step : transitions.funnel(STATUS, funnel, window(window), Scope.ALL)) {
            answer.step(index++, text(step.value()), step.timelines(), step.duration().map(DurationStatistics::p50));
        }
        return answer.build();
    }

    @Override
    public Answer statesAsOf(long atMicros) {
        return states(states.statesAt(STATUS, new Timestamp(atMicros), new Scope(Condition.NONE, Optional.of(asOf)),
                false));
    }

    @Override
    public void close() throws Exception {
        storage.close();
    }

    private static Window window(Span span) {
        return Window.between(new Timestamp(span.sinceMicros()), new Timestamp(span.untilMicros()));
    }

    /** Every status the generator writes is a JSON string. */
    private static String text(JsonValue value) {
        return ((JsonValue.Str) value).value();
    }
}
