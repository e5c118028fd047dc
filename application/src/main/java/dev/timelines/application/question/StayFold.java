package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import java.util.List;

/** Folds a question over the stays a storage scans: the way every question is answered without a fast path. */
public final class StayFold {

    private StayFold() {
    }

    /**
     * Adds to the partial the stays its selection matches, timeline by timeline. The scan may hand over more;
     * they are selected here again, so the selection rules stay those of the domain whatever the storage.
     */
    public static <P extends PartialAnswer<P, ?, ?>> P fold(StoreScans scans, Attribute attribute, P partial) {
        StaySelection selection = partial.selection();
        Scope scope = partial.scope();
        scans.stays(new StayScan(attribute, selection, scope.where().attributes(), scope.asOf()),
                timeline -> add(timeline, partial));
        return partial;
    }

    /** Adds to the partial the stays of one timeline that its selection matches. */
    public static <P extends PartialAnswer<P, ?, ?>> P add(TimelineStays timeline, P partial) {
        List<Stay> selected = timeline.stays().stream().filter(partial.selection()::matches).toList();
        if (!selected.isEmpty()) {
            partial.add(timeline.withStays(selected));
        }
        return partial;
    }
}
