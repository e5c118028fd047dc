package dev.timelines.application.service;

import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.TimelineSummary;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.State;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Answers questions about one timeline from a snapshot of its events, as known at a moment when asked. */
public final class InspectTimelineService implements InspectTimelineUseCase {

    private final TimelineReader reader;

    public InspectTimelineService(TimelineReader reader) {
        this.reader = reader;
    }

    @Override
    public TimelineSummary describe(TimelineKey key, Optional<Timestamp> asOf) {
        Timeline timeline = load(key, asOf);
        return new TimelineSummary(key, timeline.events().size(), timeline.first().timestamp(),
                timeline.last().timestamp(), List.copyOf(timeline.attributeNames()));
    }

    @Override
    public Page<Event> events(TimelineKey key, Window window, Optional<Timestamp> asOf, PageRequest page) {
        List<Event> inWindow = keep(load(key, asOf).events(), event -> window.contains(event.timestamp()));
        return TimelinePages.page(inWindow, page, event -> new TimelinePosition(event.timestamp().micros(),
                event.seq()));
    }

    @Override
    public Page<HistoryPoint> history(TimelineKey key, Attribute attribute, HistoryMode mode, Window window,
            Optional<Timestamp> asOf, PageRequest page) {
        List<HistoryPoint> inWindow = keep(load(key, asOf).history(attribute, mode),
                point -> window.contains(point.timestamp()));
        return TimelinePages.page(inWindow, page, point -> new TimelinePosition(point.timestamp().micros(),
                point.seq()));
    }

    @Override
    public Page<Transition> transitions(TimelineKey key, Attribute attribute, Window window, boolean entries,
            Optional<Timestamp> asOf, PageRequest page) {
        List<Transition> selected = keep(load(key, asOf).transitions(attribute),
                transition -> window.contains(transition.at()) && (entries || !transition.isEntry()));
        return TimelinePages.page(selected, page, transition -> new TimelinePosition(transition.at().micros(),
                transition.seq()));
    }

    @Override
    public Optional<State> state(TimelineKey key, Attribute attribute, Timestamp at, Optional<Timestamp> asOf) {
        return load(key, asOf).stateAt(attribute, at);
    }

    private Timeline load(TimelineKey key, Optional<Timestamp> asOf) {
        return reader.timeline(key)
                .flatMap(timeline -> asOf.isPresent() ? timeline.knownAt(asOf.get()) : Optional.of(timeline))
                .orElseThrow(() -> new TimelineNotFoundException(key));
    }

    private static <T> List<T> keep(List<T> items, Predicate<T> condition) {
        return items.stream().filter(condition).toList();
    }
}
