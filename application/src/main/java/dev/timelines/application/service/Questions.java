package dev.timelines.application.service;

import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.Listing;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.RetractablePartial;
import dev.timelines.application.question.RetractableQuestion;
import dev.timelines.application.question.StayFold;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a question: this store's part through the storage's fast path for it when it offers one, else by folding
 * its scans, merged with the parts other nodes hold (none on a single node).
 */
final class Questions {

    private final StoreScans scans;
    private final IndexedAnswers indexed;
    private final OtherParts others;

    Questions(StoreScans scans, IndexedAnswers indexed, OtherParts others) {
        this.scans = scans;
        this.indexed = indexed;
        this.others = others;
    }

    <P extends PartialAnswer<P, A, ?>, A> A answer(Attribute attribute, PartialQuestion<P> question) {
        return others.merged(attribute, question, () -> part(attribute, question)).answer();
    }

    <P extends RetractablePartial<P, A, ?>, A> A answer(Attribute attribute, RetractableQuestion<P> question) {
        return others.merged(attribute, question, () -> part(attribute, question)).answer();
    }

    /** This store's partial answer, with its spellings: what it brings to a merge with other stores' partials. */
    <P extends PartialAnswer<P, ?, ?>> P part(Attribute attribute, PartialQuestion<P> question) {
        return spelled(attribute, fastPathOrFold(attribute, question, question.ask()));
    }

    /**
     * A question of sums as known at a moment, without a condition, when the storage can list the timelines changed
     * since: the answer now by its fast path, without those timelines as they are now, with them as they were then.
     * It costs the plain question plus the changed timelines, rather than a fold over the store.
     */
    <P extends RetractablePartial<P, ?, ?>> P part(Attribute attribute, RetractableQuestion<P> question) {
        P partial = question.ask();
        Optional<Timestamp> asOf = partial.scope().asOf();
        if (asOf.isPresent() && partial.scope().where().isNone()) {
            P now = partial.inScope(Scope.ALL);
            P gone = partial.inScope(Scope.ALL);
            P then = partial.inScope(Scope.ALL);
            StaySelection selection = partial.selection();
            StayScan changed = new StayScan(attribute, selection, Set.of(), asOf);
            if (question.fastPath(indexed, attribute, now) && indexed.changedSince(changed,
                    timeline -> addSelected(gone, timeline, selection), timeline -> addSelected(then, timeline,
                            selection))) {
                return spelled(attribute, now.without(gone).merge(then));
            }
        }
        return spelled(attribute, fastPathOrFold(attribute, question, partial));
    }

    /** What the whole store lists, through the same parts as the questions. */
    <T> T list(Listing<T> listing) {
        return listing.across(scans, others);
    }

    /** Fast paths are offered the plain question only: a condition or an earlier moment is folded from the scans. */
    private <P extends PartialAnswer<P, ?, ?>> P fastPathOrFold(Attribute attribute, PartialQuestion<P> question,
            P partial) {
        return partial.scope().isAll() && question.fastPath(indexed, attribute, partial)
                ? partial
                : StayFold.fold(scans, attribute, partial);
    }

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
