package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.StaySelection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The timelines that may have a stay a selection matches, found through the attribute index's transition lists
 * rather than by visiting every timeline: the stays entered in a window, or overlapping it, of the pairs the
 * selection's values allow. A scan then hands over only these.
 */
final class StayCandidates {

    private StayCandidates() {
    }

    /** Ids of the timelines with a stay the selection may match, each once, in no particular order. */
    static List<Integer> of(AttributeIndex index, StaySelection selection) {
        List<Integer> found = new ArrayList<>();
        TimelineMarks marks = new TimelineMarks(index.timelineSlots());
        TransitionList.Visitor collect = (timeline, at, duration, left, next) -> {
            if (marks.firstSighting(timeline)) {
                found.add(timeline);
            }
        };
        for (PairTable.Pair pair : pairs(index, selection)) {
            StaySelection.Period period = selection.period();
            if (period instanceof StaySelection.EnteredIn entered) {
                pair.transitions().forEachIn(entered.window().sinceMicros(), entered.window().untilMicros(), collect);
            } else if (period instanceof StaySelection.Overlapping overlapping) {
                pair.transitions().forEachStayOverlapping(overlapping.window().sinceMicros(),
                        overlapping.window().untilMicros(), collect);
            } else {
                long at = ((StaySelection.HoldingAt) period).at().micros();
                pair.transitions().forEachStayOverlapping(at, at + 1, collect);
            }
        }
        return found;
    }

    /** The pairs into the selection's value and out of its previous value, when it names them. */
    private static Collection<PairTable.Pair> pairs(AttributeIndex index, StaySelection selection) {
        int value = selection.value().map(index.dictionary()::idOf).orElse(PairTable.ENTRY);
        int previous = selection.previous().map(index.dictionary()::idOf).orElse(PairTable.ENTRY);
        if (selection.value().isPresent() && value < 0 || selection.previous().isPresent() && previous < 0) {
            return List.of();
        }
        Collection<PairTable.Pair> pairs = selection.value().isPresent() ? index.pairs().into(value)
                : selection.previous().isPresent() ? index.pairs().outOf(previous) : index.pairs().all();
        return selection.previous().isEmpty() ? pairs
                : pairs.stream().filter(pair -> pair.from() == previous).toList();
    }
}
