package dev.timelines.bootstrap;

import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.port.in.AnswerPartUseCase;
import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.in.DescribeAttributesUseCase;
import dev.timelines.application.port.in.ExportEventsUseCase;
import dev.timelines.application.port.in.ImportEventsUseCase;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.RetentionUseCase;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.application.port.in.StreamPartUseCase;
import dev.timelines.application.port.in.WatchTransitionsUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.StreamParts;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.adapters.in.rest.StreamConfig;
import dev.timelines.application.service.AttributeCatalogService;
import dev.timelines.application.service.DeleteTimelineService;
import dev.timelines.application.service.ExportEventsService;
import dev.timelines.application.service.ImportEventsService;
import dev.timelines.application.service.IngestEventsService;
import dev.timelines.application.service.InspectTimelineService;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.PartitionedStreamService;
import dev.timelines.application.service.RetentionService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.application.service.TransitionStreamService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Builds the application services, which stay free of CDI, on top of the configured storage ports. */
public class UseCaseProducers {

    /** How often a stream asks the owner of a partition for its next step while it had none (docs/scaling.md). */
    private static final Duration ASK_AGAIN = Duration.ofMillis(250);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IngestEventsUseCase ingestEvents(EventLog log, Clock clock, MeterRegistry registry) {
        return new CountedIngest(new IngestEventsService(log, clock), registry);
    }

    /**
     * The stream of a store held whole reads its history; on Kafka, the stream of every partition is read from the
     * node that owns it (docs/scaling.md, Kafka).
     */
    @Produces
    @Singleton
    WatchTransitionsUseCase watchTransitions(StorageConfig storage, StoreHistory history, StreamConfig config,
            Instance<PartitionedStreamService> partitioned) {
        return storage.storage() == StorageConfig.Kind.KAFKA ? partitioned.get()
                : new TransitionStreamService(history, config.maxStep());
    }

    /** What another node of a Kafka cluster asks of this one's partitions' streams. */
    @Produces
    @Singleton
    StreamPartUseCase streamPart(Instance<PartitionedStreamService> partitioned) {
        return partitioned.get();
    }

    /**
     * The stream of a store split over the nodes of a Kafka cluster: one service for the clients of this node and the
     * other nodes asking, typed as itself so that it does not compete with the producers of its two use cases.
     */
    @Produces
    @Singleton
    @Typed(PartitionedStreamService.class)
    PartitionedStreamService partitionedStreams(StreamParts parts, StreamConfig stream, StorageConfig storage) {
        return new PartitionedStreamService(parts, stream.maxStep(), storage.kafka().partTimeout(), ASK_AGAIN);
    }

    @Produces
    @Singleton
    InspectTimelineUseCase inspectTimeline(TimelineReader reader) {
        return new InspectTimelineService(reader);
    }

    @Produces
    @Singleton
    DeleteTimelineUseCase deleteTimeline(EventLog log) {
        return new DeleteTimelineService(log);
    }

    @Produces
    @Singleton
    ExportEventsUseCase exportEvents(TimelineReader reader, StoreScans scans, OtherParts others) {
        return new ExportEventsService(reader, scans, others);
    }

    @Produces
    @Singleton
    ImportEventsUseCase importEvents(EventLog log) {
        return new ImportEventsService(log);
    }

    @Produces
    @Singleton
    RetentionUseCase retention(TimelineReader reader, EventLog log) {
        return new RetentionService(reader, log);
    }

    @Produces
    @Singleton
    SearchTimelinesUseCase searchTimelines(StoreScans scans, IndexedAnswers indexed, OtherParts others) {
        return new SearchTimelinesService(scans, indexed, others);
    }

    @Produces
    @Singleton
    AnalyzeTransitionsUseCase analyzeTransitions(StoreScans scans, IndexedAnswers indexed, OtherParts others) {
        return new TransitionAnalysisService(scans, indexed, others);
    }

    @Produces
    @Singleton
    AnalyzeStatesUseCase analyzeStates(StoreScans scans, IndexedAnswers indexed, OtherParts others, Clock clock) {
        return new StateAnalysisService(scans, indexed, others, clock);
    }

    @Produces
    @Singleton
    AnswerPartUseCase answerPart(StoreScans scans, IndexedAnswers indexed) {
        return new PartService(scans, indexed);
    }

    @Produces
    @Singleton
    DescribeAttributesUseCase describeAttributes(StoreScans scans, OtherParts others) {
        return new AttributeCatalogService(scans, others);
    }
}
