package dev.timelines.application.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonOrder;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Partial answers merge associatively: a random store split by timeline into several independent stores (each a
 * {@link ReferenceStorage} given its timelines' events with their seqs, and the deletes), every question answered
 * in each and the partial answers merged in a random grouping and order, gives the whole store's answer, down to
 * how each value is shown: of equal values written {@code 1}, {@code 1.0} and {@code 1.00}, the spelling of the
 * lowest seq in the whole store, wherever it is stored. This is what lets a cluster answer from the partitions'
 * owners with the code one store uses (docs/architecture.md, "One definition per question"; docs/scaling.md).
 */
class ShardedAnswersTest {

    private static final long BASE = 1_680_945_987_000_000L;
    private static final Attribute STATUS = new Attribute("status");
    private static final Attribute PRIORITY = new Attribute("priority");
    private static final List<JsonValue> VALUES = List.of(num("1"), num("1.0"), num("1.00"), num("2"), num("2.0"),
            str("a"));

    @Property(tries = 300)
    void shardsMergedInAnyGroupingGiveTheWholeStoresAnswer(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 5) int shards) {
        ReferenceStorage store = new ReferenceStorage();
        List<ReferenceStorage> parts = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            parts.add(new ReferenceStorage());
        }
        for (int request = 0; request < 1 + random.nextInt(8); request++) {
            if (random.nextInt(5) == 0) {
                TimelineKey deleted = key(random);
                store.delete(deleted);
                parts.get(shardOf(deleted, shards)).delete(deleted);
                continue;
            }
            List<IncomingEvent> events = new ArrayList<>();
            for (int event = 0; event < 1 + random.nextInt(10); event++) {
                events.add(randomEvent(random));
            }
            long before = lastSeq(store);
            store.append(events, new Timestamp(BASE + request * 1_000_000L));
            store.inSeqOrder(Optional.empty(), stored -> {
                if (stored.event().seq() > before) {
                    parts.get(shardOf(stored.timeline(), shards)).restore(List.of(stored));
                }
            });
        }
        Window window = new Window(Optional.of(time(random.nextInt(4))), Optional.of(time(4 + random.nextInt(8))));
        Timestamp at = time(random.nextInt(12));
        Scope scope = new Scope(random.nextBoolean() ? Condition.NONE : new Condition(Map.of(PRIORITY, str("high"))),
                random.nextBoolean() ? Optional.empty() : Optional.of(new Timestamp(BASE + 2_000_000L)));
        JsonValue value = VALUES.get(random.nextInt(VALUES.size()));
        TransitionFilter filter = new TransitionFilter(Optional.empty(), Optional.of(value), window);

        compare(() -> new PartialProcessMap(filter, scope), store, parts, random);
        compare(() -> new PartialAdjacentValues(value, window, PartialAdjacentValues.Direction.NEXT, scope),
                store, parts, random);
        compare(() -> new PartialAdjacentValues(value, window, PartialAdjacentValues.Direction.PREVIOUS, scope),
                store, parts, random);
        compare(() -> new PartialStateCounts(at, scope, true), store, parts, random);
        compare(() -> new PartialTimeInStates(window, time(10), scope), store, parts, random);
        compare(() -> new TransitionRun(filter, true, Optional.empty(), 3, scope), store, parts, random);
        compare(() -> KeyRun.inState(value, at, new KeyRange("", Optional.empty(), 2), scope), store, parts, random);
        compare(() -> new StuckRun(Optional.empty(), 1_000_000L, at, Optional.empty(), 2, scope), store, parts,
                random);
        compare(() -> new PartialFunnel(new Funnel(List.of(num("1"), num("2"), num("1")), Optional.empty()), window,
                scope), store, parts, random);
        compareUsage(store, parts, scope.asOf(), random);
    }

    private static <P extends PartialAnswer<P, ?>> void compare(Supplier<P> question, ReferenceStorage store,
            List<ReferenceStorage> shards, Random random) {
        Object whole = spelled(store, question.get()).answer();
        List<P> parts = new ArrayList<>(shards.stream().map(shard -> spelled(shard, question.get())).toList());
        Object merged = mergedInRandomGrouping(parts, PartialAnswer::merge, random).answer();
        assertSpelledAlike(whole, merged, question.get().getClass().getSimpleName());
    }

    private static void compareUsage(ReferenceStorage store, List<ReferenceStorage> shards,
            Optional<Timestamp> asOf, Random random) {
        List<ValueUsage> whole = usage(store, asOf).answer();
        List<PartialValueUsage> parts = new ArrayList<>(shards.stream().map(shard -> usage(shard, asOf)).toList());
        List<ValueUsage> merged = mergedInRandomGrouping(parts, PartialValueUsage::merge, random).answer();
        Comparator<ValueUsage> order = Comparator.comparing(ValueUsage::value, JsonOrder.INSTANCE);
        assertSpelledAlike(whole.stream().sorted(order).toList(), merged.stream().sorted(order).toList(),
                "PartialValueUsage");
    }

    /** One store's partial answer, as it would leave that store: folded from its scans, with its spellings. */
    private static <P extends PartialAnswer<P, ?>> P spelled(ReferenceStorage store, P partial) {
        StayFold.fold(store, STATUS, partial).spell(store.spellings(STATUS));
        return partial;
    }

    private static PartialValueUsage usage(ReferenceStorage store, Optional<Timestamp> asOf) {
        return new PartialValueUsage(store.values(STATUS, asOf), store.spellings(STATUS));
    }

    private static <P> P mergedInRandomGrouping(List<P> parts, BinaryOperator<P> merge, Random random) {
        Collections.shuffle(parts, random);
        while (parts.size() > 1) {
            int i = random.nextInt(parts.size() - 1);
            parts.set(i, merge.apply(parts.get(i), parts.remove(i + 1)));
        }
        return parts.get(0);
    }

    /** Equal, and with every value written alike: JSON equality alone takes {@code 1} for {@code 1.0}. */
    private static void assertSpelledAlike(Object whole, Object merged, String question) {
        assertEquals(whole, merged, question);
        assertEquals(whole.toString(), merged.toString(), question + ", as shown");
    }

    private static int shardOf(TimelineKey key, int shards) {
        return Math.floorMod(key.value().hashCode(), shards);
    }

    private static long lastSeq(ReferenceStorage store) {
        long[] last = {0};
        store.inSeqOrder(Optional.empty(), stored -> last[0] = stored.event().seq());
        return last[0];
    }

    private static IncomingEvent randomEvent(Random random) {
        Map<String, JsonValue> data = new LinkedHashMap<>();
        if (random.nextInt(4) > 0) {
            data.put("status", VALUES.get(random.nextInt(VALUES.size())));
        }
        if (random.nextInt(3) == 0) {
            data.put("priority", random.nextBoolean() ? str("high") : str("low"));
        }
        return new IncomingEvent(key(random), time(random.nextInt(12)), Optional.empty(), new JsonValue.Obj(data));
    }

    private static TimelineKey key(Random random) {
        return new TimelineKey("k" + random.nextInt(8));
    }

    private static Timestamp time(long seconds) {
        return new Timestamp(BASE + seconds * 1_000_000L);
    }

    private static JsonValue str(String text) {
        return new JsonValue.Str(text);
    }

    private static JsonValue num(String text) {
        return new JsonValue.Num(new BigDecimal(text));
    }
}
