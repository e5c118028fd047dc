package dev.timelines.application.service;

import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.RetractablePartial;
import dev.timelines.application.question.StayFold;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Answers a question through the storage's fast path for it when it offers one, else by folding its scans. */
final class Questions {

    /** One of the {@link IndexedAnswers} methods. */
    interface FastPath<P> {
        boolean fill(IndexedAnswers indexed, Attribute attribute, P partial);
    }

    private final StoreScans scans;
    private final IndexedAnswers indexed;

    Questions(StoreScans scans, IndexedAnswers indexed) {
        this.scans = scans;
        this.indexed = indexed;
    }

    <P extends PartialAnswer<P, A, ?>, A> A answer(Attribute attribute, P partial, FastPath<P> fastPath) {
        return spelled(attribute, fastPathOrFold(attribute, partial, fastPath)).answer();
    }

    /**
     * A question of sums as known at a moment, without a condition, when the storage can list the timelines changed
     * since: the answer now by its fast path, without those timelines as they are now, with them as they were then.
     * It costs the plain question plus the changed timelines, rather than a fold over the store.
     */
    <P extends RetractablePartial<P, A, ?>, A> A answer(Attribute attribute, P partial, FastPath<P> fastPath) {
        Optional<Timestamp> asOf = partial.scope().asOf();
        if (asOf.isPresent() && partial.scope().where().isNone()) {
            P now = partial.inScope(Scope.ALL);
            P gone = partial.inScope(Scope.ALL);
            P then = partial.inScope(Scope.ALL);
            StaySelection selection = partial.selection();
            StayScan changed = new StayScan(attribute, selection, Set.of(), asOf);
            if (fastPath.fill(indexed, attribute, now) && indexed.changedSince(changed,
                    timeline -> addSelected(gone, timeline, selection), timeline -> addSelected(then, timeline,
                            selection))) {
                return spelled(attribute, now.without(gone).merge(then)).answer();
            }
        }
        return spelled(attribute, fastPathOrFold(attribute, partial, fastPath)).answer();
    }

    StoreScans scans() {
        return scans;
    }

    /** Fast paths are offered the plain question only: a condition or an earlier moment is folded from the scans. */
    private <P extends PartialAnswer<P, ?, ?>> P fastPathOrFold(Attribute attribute, P partial, FastPath<P> fastPath) {
        return partial.scope().isAll() && fastPath.fill(indexed, attribute, partial)
                ? partial
                : StayFold.fold(scans, attribute, partial);
    }

    /** The partial with the spellings of this store: what it would bring to a merge with other stores' partials. */
    private <P extends PartialAnswer<P, ?, ?>> P spelled(Attribute attribute, P partial) {
        partial.spell(scans.spellings(attribute));
        return partial;
    }

    private static void addSelected(PartialAnswer<?, ?, ?> partial, TimelineStays timeline, StaySelection selection) {
        List<Stay> selected = timeline.stays().stream().filter(selection::matches).toList();
        if (!selected.isEmpty()) {
            partial.add(timeline.withStays(selected));
        }
    }
}
