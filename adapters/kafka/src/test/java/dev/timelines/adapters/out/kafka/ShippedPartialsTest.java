package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.PartialValueUsage;
import dev.timelines.application.question.SplitReferenceStore;
import dev.timelines.application.question.Spellings;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

    @Test
    void questionsTravelAsThemselves() {
        Window window = new Window(Optional.of(new Timestamp(5)), Optional.empty());
        Scope scope = new Scope(new Condition(Map.of(new Attribute("/a/b"), new JsonValue.Num(new BigDecimal("1.0")))),
                Optional.of(new Timestamp(7)));
        JsonValue value = new JsonValue.Arr(List.of(JsonValue.Null.INSTANCE, new JsonValue.Str("x"), JsonValue.Bool.TRUE));
        TransitionFilter filter = new TransitionFilter(Optional.of(value), Optional.empty(), window);
        KeyRange range = new KeyRange("k", Optional.of(new TimelineKey("k1")), 3);
        List<PartialQuestion<?>> questions = List.of(new PartialStateCounts.Question(new Timestamp(9), scope, true),
                new PartialTimeInStates.Question(window, new Timestamp(10), Scope.ALL),
                new PartialProcessMap.Question(filter, scope),
                new PartialAdjacentValues.Question(value, window, PartialAdjacentValues.Direction.PREVIOUS, scope),
                new PartialFunnel.Question(new Funnel(List.of(value, JsonValue.Null.INSTANCE), Optional.of(5L)),
                        window, scope),
                new TransitionRun.Question(filter, true, Optional.of(new TransitionPosition(3, "k", 4)), 2, scope),
                new StuckRun.Question(Optional.of(value), 9, new Timestamp(11),
                        Optional.of(new StuckRun.Position(4, new TimelineKey("k2"))), 5, scope),
                new KeyRun.InState(value, new Timestamp(3), range, scope),
                new KeyRun.InStateDuring(value, window, range, scope));
        Map<Integer, Long> awaited = Map.of(0, 12L, 3, 40L);
        for (PartialQuestion<?> question : questions) {
            PartialCodec.Incoming incoming = codec.readRequest(codec.writeQuestion(new Attribute("/a/b"), question,
                    awaited));
            PartialCodec.Question read = (PartialCodec.Question) incoming.request();
            assertEquals(new Attribute("/a/b"), read.attribute());
            assertEquals(question, read.question(), new String(codec.writeQuestion(new Attribute("/a/b"), question,
                    awaited), StandardCharsets.UTF_8));
            assertEquals(question.toString(), read.question().toString());
            assertEquals(awaited, incoming.awaited(), "the positions the answer must reflect travel with it");
        }
        PartialCodec.Incoming verdict = codec.readRequest(codec.writeVerdictRequest(
                new WrittenRequest(-5, Map.of(1, 7L), "t")));
        assertEquals(new PartialCodec.WriteVerdict(-5, Map.of(1, 7L)), verdict.request());
        Map<Integer, Verdicts.Verdict> verdicts = Map.of(1, new Verdicts.Verdict(3, 2), 2, new Verdicts.Verdict(0, 1));
        assertEquals(verdicts, codec.readVerdicts(codec.writeVerdicts(verdicts)));
    }

    @Test
    void aPageOfTheExportTravelsAsItselfAndAPageOfNoEventsIsRefused() {
        PartialCodec.EventsPage page = new PartialCodec.EventsPage(5L << 10, 8192);
        assertEquals(page, codec.readRequest(codec.writePageRequest(page)).request());
        byte[] empty = new String(codec.writePageRequest(page), StandardCharsets.UTF_8).replace("8192", "0")
                .getBytes(StandardCharsets.UTF_8);
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> codec.readRequest(empty));
        assertTrue(refused.getMessage().contains("a page of 0 events"), refused.getMessage());
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
