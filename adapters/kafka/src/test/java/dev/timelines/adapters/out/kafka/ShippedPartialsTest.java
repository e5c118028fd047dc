package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialValueUsage;
import dev.timelines.application.question.SplitReferenceStore;
import dev.timelines.application.question.Spellings;
import dev.timelines.domain.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What a node ships of its partial answer is all a merge needs: a random store split by timeline into parts, each
 * part's partial of every question written by {@link PartialCodec} with its store's spellings, read back into an
 * empty partial of the question, and merged in a random grouping, gives the whole store's answer as shown ({@code 1}
 * and {@code 1.0} included). {@code ShardedAnswersTest} proves the same of partials merged in memory.
 */
class ShippedPartialsTest {

    private final PartialCodec codec = new PartialCodec();

    @Property(tries = 200)
    void shippedPartsMergeToTheWholeStoresAnswer(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 5) int shards) {
        SplitReferenceStore store = SplitReferenceStore.random(random, shards);
        store.questions().forEach(question -> compare(question, store, random));
        List<ValueUsage> whole = SplitReferenceStore.usage(store.whole(), store.asOf()).answer();
        List<PartialValueUsage> shipped = store.parts().stream().map(part -> codec.readUsage(codec.writeUsage(
                part.values(SplitReferenceStore.STATUS, store.asOf()), spellings(part)))).toList();
        SplitReferenceStore.assertUsageAlike(whole,
                SplitReferenceStore.mergedInRandomGrouping(shipped, PartialValueUsage::merge, random).answer());
    }

    @Test
    void numbersTravelAsWritten() {
        ReferenceStorage empty = new ReferenceStorage();
        byte[] shipped = codec.writeUsage(List.of(new ValueUsage(new JsonValue.Num(new BigDecimal("1.00")),
                1, 1)), spellings(empty));
        assertTrue(codec.readUsage(shipped).answer().toString().contains("1.00"),
                new String(shipped, StandardCharsets.UTF_8));
    }

    private <P extends PartialAnswer<P, ?, ?>> void compare(SplitReferenceStore.Question<P> question,
            SplitReferenceStore store, Random random) {
        Object whole = SplitReferenceStore.spelled(store.whole(), question.ask()).answer();
        List<P> shipped = store.parts().stream().map((ReferenceStorage part) -> codec.read(
                codec.write(SplitReferenceStore.spelled(part, question.ask()), spellings(part)), question.ask()))
                .toList();
        Object merged = SplitReferenceStore.mergedInRandomGrouping(shipped, PartialAnswer::merge, random).answer();
        SplitReferenceStore.assertSpelledAlike(whole, merged, question.ask().getClass().getSimpleName());
    }

    /** The spellings of every value the part holds, as a node lists them beside its partial. */
    private static List<Spelling> spellings(ReferenceStorage part) {
        return Spellings.listed(part.spellings(SplitReferenceStore.STATUS),
                part.values(SplitReferenceStore.STATUS, Optional.empty()).stream().map(ValueUsage::value)
                        .toList());
    }
}
