package dev.timelines.application.service;

import dev.timelines.application.port.in.ExportEventsUseCase;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.question.Listing;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;
import java.util.Optional;
import java.util.function.Consumer;

/** Streams the store's events from storage in seq order. */
public final class ExportEventsService implements ExportEventsUseCase {

    private final TimelineReader reader;
    private final StoreScans scans;
    private final OtherParts others;

    public ExportEventsService(TimelineReader reader, StoreScans scans) {
        this(reader, scans, OtherParts.NONE);
    }

    /** {@code others}: the parts of the store other nodes hold, among whose keys the timeline may be. */
    public ExportEventsService(TimelineReader reader, StoreScans scans, OtherParts others) {
        this.reader = reader;
        this.scans = scans;
        this.others = others;
    }

    @Override
    public void exportAll(Consumer<TimelineEvent> event) {
        reader.inSeqOrder(Optional.empty(), event);
    }

    /**
     * The timeline is looked up among the keys (a key sorts first among the keys it prefixes), not read: reading
     * it would hold all its events at once, which the export itself never does.
     */
    @Override
    public Export exportTimeline(TimelineKey key) {
        KeyRange first = new KeyRange(key.value(), Optional.empty(), 1);
        if (!new Listing.Keys(first, Optional.empty()).across(scans, others).contains(key)) {
            throw new TimelineNotFoundException(key);
        }
        return event -> reader.inSeqOrder(Optional.of(key), event);
    }
}
