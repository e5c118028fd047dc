package dev.timelines.application.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Partial answers merge associatively: every question folded over the timelines of each of several shards (keys
 * split at random), and the shards' partial answers merged in a random grouping and order, gives the answer of one
 * fold over the whole store. This is what lets a cluster answer from the partitions' owners with the code one
 * store uses (docs/architecture.md, "One definition per question").
 */
class ShardedAnswersTest {

    private static final long BASE = 1_680_945_987_000_000L;
    private static final Attribute STATUS = new Attribute("status");
    private static final Attribute PRIORITY = new Attribute("priority");
    private static final List<JsonValue> VALUES = List.of(str("a"), str("b"), str("c"));

    @Property(tries = 200)
    void shardsMergedInAnyGroupingGiveTheWholeStoresAnswer(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 5) int shards) {
        ReferenceStorage store = new ReferenceStorage();
        for (int request = 0; request < 1 + random.nextInt(6); request++) {
            List<IncomingEvent> events = new ArrayList<>();
            for (int event = 0; event < 1 + random.nextInt(10); event++) {
                events.add(randomEvent(random));
            }
            store.append(events, new Timestamp(BASE + request * 1_000_000L));
        }
        Map<TimelineKey, Integer> shardOf = new LinkedHashMap<>();
        store.timelines().keySet().forEach(key -> shardOf.put(key, random.nextInt(shards)));
        Window window = new Window(Optional.of(time(random.nextInt(4))), Optional.of(time(4 + random.nextInt(8))));
        Timestamp at = time(random.nextInt(12));
        Scope scope = new Scope(random.nextBoolean() ? Condition.NONE : new Condition(Map.of(PRIORITY, str("high"))),
                random.nextBoolean() ? Optional.empty() : Optional.of(new Timestamp(BASE + 2_000_000L)));
        TransitionFilter filter = new TransitionFilter(Optional.empty(), Optional.of(VALUES.get(random.nextInt(3))),
                window);

        compare(() -> new PartialProcessMap(filter, scope), store, shardOf, shards, random);
        compare(() -> new PartialAdjacentValues(str("a"), window, PartialAdjacentValues.Direction.NEXT, scope),
                store, shardOf, shards, random);
        compare(() -> new PartialAdjacentValues(str("b"), window, PartialAdjacentValues.Direction.PREVIOUS, scope),
                store, shardOf, shards, random);
        compare(() -> new PartialStateCounts(at, scope, true), store, shardOf, shards, random);
        compare(() -> new PartialTimeInStates(window, time(10), scope), store, shardOf, shards, random);
        compare(() -> new TransitionRun(filter, true, Optional.empty(), 3, scope), store, shardOf, shards, random);
        compare(() -> KeyRun.inState(str("a"), at, new KeyRange("", Optional.empty(), 2), scope), store, shardOf,
                shards, random);
        compare(() -> new StuckRun(Optional.empty(), 1_000_000L, at, Optional.empty(), 2, scope), store, shardOf,
                shards, random);
        compare(() -> new PartialFunnel(new Funnel(List.of(str("a"), str("b"), str("a")), Optional.empty()), window,
                scope), store, shardOf, shards, random);
    }

    private static <P extends PartialAnswer<P, ?>> void compare(Supplier<P> question, ReferenceStorage store,
            Map<TimelineKey, Integer> shardOf, int shards, Random random) {
        Object whole = StayFold.fold(store, STATUS, question.get()).answer();
        List<P> parts = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            int only = shard;
            parts.add(StayFold.fold(new Shard(store, key -> shardOf.get(key) == only), STATUS, question.get()));
        }
        Collections.shuffle(parts, random);
        while (parts.size() > 1) {
            int i = random.nextInt(parts.size() - 1);
            P merged = parts.get(i).merge(parts.get(i + 1));
            parts.remove(i + 1);
            parts.set(i, merged);
        }
        assertEquals(whole, parts.get(0).answer(), question.get().getClass().getSimpleName());
    }

    /** The scans of one shard: the store's timelines whose key it owns. */
    private record Shard(StoreScans store, Predicate<TimelineKey> owns) implements StoreScans {

        @Override
        public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
            return store.keys(range, asOf).stream().filter(owns).toList();
        }

        @Override
        public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
            store.stays(scan, stays -> {
                if (owns.test(stays.key())) {
                    timeline.accept(stays);
                }
            });
        }

        @Override
        public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
            return store.attributeNames(after, limit, asOf);
        }

        @Override
        public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
            return store.values(attribute, asOf);
        }
    }

    private static IncomingEvent randomEvent(Random random) {
        Map<String, JsonValue> data = new LinkedHashMap<>();
        if (random.nextInt(4) > 0) {
            data.put("status", VALUES.get(random.nextInt(VALUES.size())));
        }
        if (random.nextInt(3) == 0) {
            data.put("priority", random.nextBoolean() ? str("high") : str("low"));
        }
        return new IncomingEvent(new TimelineKey("k" + random.nextInt(6)), time(random.nextInt(12)),
                Optional.empty(), new JsonValue.Obj(data));
    }

    private static Timestamp time(long seconds) {
        return new Timestamp(BASE + seconds * 1_000_000L);
    }

    private static JsonValue str(String text) {
        return new JsonValue.Str(text);
    }
}
