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
import dev.timelines.application.port.in.WatchTransitionsUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.adapters.in.rest.StreamConfig;
import dev.timelines.application.service.AttributeCatalogService;
import dev.timelines.application.service.DeleteTimelineService;
import dev.timelines.application.service.ExportEventsService;
import dev.timelines.application.service.ImportEventsService;
import dev.timelines.application.service.IngestEventsService;
import dev.timelines.application.service.InspectTimelineService;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.RetentionService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.application.service.TransitionStreamService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the application services, which stay free of CDI, on top of the configured storage ports. */
public class UseCaseProducers {

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

    @Produces
    @Singleton
    WatchTransitionsUseCase watchTransitions(StoreHistory history, StreamConfig config) {
        return new TransitionStreamService(history, config.maxStep());
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
