package dev.timelines.application.question;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.ReferenceStorage;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Partial answers merge associatively: a random store split by timeline into several independent stores
 * ({@link SplitReferenceStore}), every question answered in each and the partial answers merged in a random grouping and
 * order, gives the whole store's answer, down to how each value is shown: of equal values written {@code 1},
 * {@code 1.0} and {@code 1.00}, the spelling of the lowest seq in the whole store, wherever it is stored. This is
 * what lets a cluster answer from the partitions' owners with the code one store uses (docs/architecture.md, "One
 * definition per question"; docs/scaling.md).
 */
class ShardedAnswersTest {

    @Property(tries = 300)
    void shardsMergedInAnyGroupingGiveTheWholeStoresAnswer(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 5) int shards) {
        SplitReferenceStore store = SplitReferenceStore.random(random, shards);
        store.questions().forEach(question -> compare(question, store, random));
        List<ValueUsage> whole = SplitReferenceStore.usage(store.whole(), store.asOf()).answer();
        List<PartialValueUsage> parts = store.parts().stream().map(part -> SplitReferenceStore.usage(part, store.asOf()))
                .toList();
        SplitReferenceStore.assertUsageAlike(whole,
                SplitReferenceStore.mergedInRandomGrouping(parts, PartialValueUsage::merge, random).answer());
    }

    private static <P extends PartialAnswer<P, ?, ?>> void compare(SplitReferenceStore.Question<P> question,
            SplitReferenceStore store, Random random) {
        Object whole = SplitReferenceStore.spelled(store.whole(), question.ask()).answer();
        List<P> parts = store.parts().stream().map((ReferenceStorage part) -> SplitReferenceStore.spelled(part, question.ask()))
                .toList();
        Object merged = SplitReferenceStore.mergedInRandomGrouping(parts, PartialAnswer::merge, random).answer();
        SplitReferenceStore.assertSpelledAlike(whole, merged, question.ask().getClass().getSimpleName());
    }
}
