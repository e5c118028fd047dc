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

/**
 * A random store split by timeline into independent stores, for the tests that merge partial answers: the whole
 * store and each part a {@link ReferenceStorage}, the parts given their timelines' events with their seqs, and the
 * deletes; values {@code 1}, {@code 1.0} and {@code 1.00} among others, out-of-order events and ties. With every
 * question across timelines about random windows, moments and values.
 */
public final class SplitReferenceStore {

    /** The attribute the questions are about. */
    public static final Attribute STATUS = new Attribute("status");

    private static final long BASE = 1_680_945_987_000_000L;
    private static final Attribute PRIORITY = new Attribute("priority");
    private static final List<JsonValue> VALUES = List.of(num("1"), num("1.0"), num("1.00"), num("2"), num("2.0"),
            str("a"));

    /** A question: a new, empty partial answer of it each time. */
    public record Question<P extends PartialAnswer<P, ?, ?>>(Supplier<P> partial) {

        public P ask() {
            return partial.get();
        }
    }

    private final ReferenceStorage whole = new ReferenceStorage();
    private final List<ReferenceStorage> parts = new ArrayList<>();
    private final Scope scope;
    private final List<Question<?>> questions;

    private SplitReferenceStore(Random random, int shards) {
        for (int shard = 0; shard < shards; shard++) {
            parts.add(new ReferenceStorage());
        }
        for (int request = 0; request < 1 + random.nextInt(8); request++) {
            if (random.nextInt(5) == 0) {
                TimelineKey deleted = key(random);
                whole.delete(deleted);
                parts.get(shardOf(deleted)).delete(deleted);
            } else {
                write(random, request);
            }
        }
        Window window = new Window(Optional.of(time(random.nextInt(4))), Optional.of(time(4 + random.nextInt(8))));
        Timestamp at = time(random.nextInt(12));
        scope = new Scope(random.nextBoolean() ? Condition.NONE : new Condition(Map.of(PRIORITY, str("high"))),
                random.nextBoolean() ? Optional.empty() : Optional.of(new Timestamp(BASE + 2_000_000L)));
        JsonValue value = VALUES.get(random.nextInt(VALUES.size()));
        TransitionFilter filter = new TransitionFilter(Optional.empty(), Optional.of(value), window);
        questions = List.of(
                new Question<>(() -> new PartialProcessMap(filter, scope)),
                new Question<>(() -> new PartialAdjacentValues(value, window, PartialAdjacentValues.Direction.NEXT,
                        scope)),
                new Question<>(() -> new PartialAdjacentValues(value, window,
                        PartialAdjacentValues.Direction.PREVIOUS, scope)),
                new Question<>(() -> new PartialStateCounts(at, scope, true)),
                new Question<>(() -> new PartialTimeInStates(window, time(10), scope)),
                new Question<>(() -> new TransitionRun(filter, true, Optional.empty(), 3, scope)),
                new Question<>(() -> KeyRun.inState(value, at, new KeyRange("", Optional.empty(), 2), scope)),
                new Question<>(() -> new StuckRun(Optional.empty(), 1_000_000L, at, Optional.empty(), 2, scope)),
                new Question<>(() -> new PartialFunnel(new Funnel(List.of(num("1"), num("2"), num("1")),
                        Optional.empty()), window, scope)));
    }

    /** A random store of a few requests split into {@code shards} parts. */
    public static SplitReferenceStore random(Random random, int shards) {
        return new SplitReferenceStore(random, shards);
    }

    public ReferenceStorage whole() {
        return whole;
    }

    public List<ReferenceStorage> parts() {
        return parts;
    }

    /** Every question across timelines, in the same random scope. */
    public List<Question<?>> questions() {
        return questions;
    }

    /** The moment the questions read the store as known at, if any: the values' usage is asked then too. */
    public Optional<Timestamp> asOf() {
        return scope.asOf();
    }

    /** One store's partial answer, as it would leave that store: folded from its scans, with its spellings. */
    public static <P extends PartialAnswer<P, ?, ?>> P spelled(ReferenceStorage store, P partial) {
        StayFold.fold(store, STATUS, partial).spell(store.spellings(STATUS));
        return partial;
    }

    /** One store's usage of the values, with its spellings. */
    public static PartialValueUsage usage(ReferenceStorage store, Optional<Timestamp> asOf) {
        return new PartialValueUsage(store.values(STATUS, asOf), store.spellings(STATUS));
    }

    /** The parts merged in a random grouping and order. */
    public static <P> P mergedInRandomGrouping(List<P> parts, BinaryOperator<P> merge, Random random) {
        List<P> left = new ArrayList<>(parts);
        Collections.shuffle(left, random);
        while (left.size() > 1) {
            int i = random.nextInt(left.size() - 1);
            left.set(i, merge.apply(left.get(i), left.remove(i + 1)));
        }
        return left.get(0);
    }

    /** Equal, and with every value written alike: JSON equality alone takes {@code 1} for {@code 1.0}. */
    public static void assertSpelledAlike(Object whole, Object merged, String question) {
        assertEquals(whole, merged, question);
        assertEquals(whole.toString(), merged.toString(), question + ", as shown");
    }

    /** Usage lists compared in value order, as the usage of values comes in any order. */
    public static void assertUsageAlike(List<ValueUsage> whole, List<ValueUsage> merged) {
        Comparator<ValueUsage> order = Comparator.comparing(ValueUsage::value, JsonOrder.INSTANCE);
        assertSpelledAlike(whole.stream().sorted(order).toList(), merged.stream().sorted(order).toList(),
                "PartialValueUsage");
    }

    private void write(Random random, int request) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int event = 0; event < 1 + random.nextInt(10); event++) {
            events.add(randomEvent(random));
        }
        long before = lastSeq(whole);
        whole.append(events, new Timestamp(BASE + request * 1_000_000L));
        whole.inSeqOrder(Optional.empty(), stored -> {
            if (stored.event().seq() > before) {
                parts.get(shardOf(stored.timeline())).restore(List.of(stored));
            }
        });
    }

    private int shardOf(TimelineKey key) {
        return Math.floorMod(key.value().hashCode(), parts.size());
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

    public static JsonValue str(String text) {
        return new JsonValue.Str(text);
    }

    /** A number as written: {@code 1.0} stays {@code 1.0}. */
    public static JsonValue num(String text) {
        return new JsonValue.Num(new BigDecimal(text));
    }
}
