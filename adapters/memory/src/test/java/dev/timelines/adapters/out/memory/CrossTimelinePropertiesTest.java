package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every question across timelines, asked of the indexed engine, equals the brute-force {@link ReferenceStore}
 * over random stores: random arrival orders, equal timestamps, missing attributes, repeated values, nested
 * pointers, explicit null, 1 and 1.0, duplicate ids and deletes. One engine indexes from the start and repairs
 * its indexes on every change; the other builds them lazily at the end.
 */
class CrossTimelinePropertiesTest {

    private static final long BASE = 1_680_945_987_000_000L;
    private static final Timestamp RECEIVED = new Timestamp(BASE);
    /** Within the range of event times, so that some states are still open and some lie in the future. */
    private static final Timestamp NOW = time(9);
    /** U+FF21 sorts before the emoji by code point but after it by UTF-16 unit. */
    private static final List<String> KEYS = List.of("a", "a/b", "ab", "b", "é", "😀x", "A", "\uFF21");
    private static final List<String> PREFIXES = List.of("", "a", "a/", "😀", "z", "é");
    private static final List<Attribute> ATTRIBUTES =
            List.of(new Attribute("status"), new Attribute("/order/status"), new Attribute("missing"));
    private static final List<JsonValue> VALUES = List.of(str("a"), str("b"), str("c"), num("1"), num("1.0"),
            num("2"), JsonValue.Null.INSTANCE, JsonValue.Bool.TRUE, obj("x", num("1")), obj("x", num("1.0")),
            new JsonValue.Arr(List.of(num("1"))));

    /** One step of a scenario. */
    sealed interface Step {
    }

    record Ingest(List<IncomingEvent> events) implements Step {
    }

    record Delete(TimelineKey key) implements Step {
    }

    record Check() implements Step {
    }

    @Property(tries = 120)
    void indexedAnswersEqualTheReference(@ForAll("scenarios") List<Step> steps, @ForAll Random random) {
        InMemoryEventStore eager = new InMemoryEventStore();
        InMemoryEventStore lazy = new InMemoryEventStore();
        ReferenceStore reference = new ReferenceStore();
        ATTRIBUTES.forEach(attribute -> eager.statesAt(attribute, NOW));
        boolean deleted = false;
        for (Step step : steps) {
            if (step instanceof Ingest ingest) {
                assertEquals(reference.append(ingest.events(), RECEIVED), eager.append(ingest.events(), RECEIVED));
                lazy.append(ingest.events(), RECEIVED);
            } else if (step instanceof Delete delete) {
                boolean existed = reference.delete(delete.key());
                assertEquals(existed, eager.delete(delete.key()));
                assertEquals(existed, lazy.delete(delete.key()));
                deleted |= existed;
            } else {
                compareEverything(eager, reference, random, deleted);
            }
        }
        compareEverything(eager, reference, random, deleted);
        compareEverything(lazy, reference, random, deleted);
    }

    @Property(tries = 40)
    void aStoreAskedAboutFewerAttributesThanItUsesStillAnswersRight(@ForAll("scenarios") List<Step> steps,
            @ForAll Random random) {
        InMemoryEventStore store = new InMemoryEventStore(new IndexLimits(100, 1));
        ReferenceStore reference = new ReferenceStore();
        for (Step step : steps) {
            if (step instanceof Ingest ingest) {
                store.append(ingest.events(), RECEIVED);
                reference.append(ingest.events(), RECEIVED);
            } else if (step instanceof Delete delete) {
                store.delete(delete.key());
                reference.delete(delete.key());
            } else {
                compareEverything(store, reference, random, true);
            }
        }
        compareEverything(store, reference, random, true);
    }

    private static void compareEverything(InMemoryEventStore store, ReferenceStore reference, Random random,
            boolean deleted) {
        Map<TimelineKey, Timeline> timelines = reference.timelines();
        for (String key : KEYS) {
            TimelineKey timeline = new TimelineKey(key);
            assertEquals(Optional.ofNullable(timelines.get(timeline)).map(Timeline::events),
                    store.timeline(timeline).map(Timeline::events), key);
        }
        for (String prefix : PREFIXES) {
            assertEquals(reference.keys(prefix), pagedKeys(prefix, random, store::keys));
        }
        assertEquals(reference.attributeNames(), pagedNames(store, random));
        for (Attribute attribute : ATTRIBUTES) {
            compareAttribute(store, reference, random, attribute, deleted);
        }
    }

    private static void compareAttribute(InMemoryEventStore store, ReferenceStore reference, Random random,
            Attribute attribute, boolean deleted) {
        String name = attribute.name();
        for (int probe = 0; probe < 3; probe++) {
            Timestamp at = randomTime(random);
            Window window = randomWindow(random);
            TransitionFilter filter = new TransitionFilter(randomValue(random), randomValue(random), window);
            boolean entries = random.nextBoolean();
            String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
            String context = name + " at " + at + " in " + window + " " + filter + " prefix " + prefix;

            StateCounts counts = store.statesAt(attribute, at);
            assertEquals(at, counts.at());
            assertEquals(set(reference.statesAt(attribute, at).counts()), set(counts.counts()), context);
            assertEquals(reference.transitions(attribute, filter, entries),
                    pagedTransitions(random, (after, limit) ->
                            store.transitions(attribute, filter, entries, after, limit)), context);
            ProcessMap expectedMap = reference.processMap(attribute, filter);
            ProcessMap map = store.processMap(attribute, filter);
            assertEquals(set(expectedMap.pairs()), set(map.pairs()), context);
            assertEquals(set(expectedMap.entries()), set(map.entries()), context);
            assertEquals(set(reference.timeInStates(attribute, window, NOW)),
                    set(store.timeInStates(attribute, window, NOW)), context);
            for (JsonValue value : VALUES) {
                String about = context + " value " + exact(value);
                assertEquals(reference.inState(attribute, value, at, prefix),
                        pagedKeys(prefix, random, range -> store.inState(attribute, value, at, range)), about);
                assertEquals(reference.inStateDuring(attribute, value, window, prefix),
                        pagedKeys(prefix, random, range -> store.inStateDuring(attribute, value, window, range)),
                        about);
                assertAdjacent(reference.next(attribute, value, window), store.next(attribute, value, window), about);
                assertAdjacent(reference.previous(attribute, value, window), store.previous(attribute, value, window),
                        about);
            }
        }
        List<ValueUsage> usage = store.values(attribute);
        assertEquals(set(reference.values(attribute)), set(usage), name);
        if (!deleted) {
            for (ValueUsage value : usage) {
                assertEquals(exact(reference.firstWritten(attribute, value.value())), exact(value.value()), name);
            }
        }
    }

    private static void assertAdjacent(AdjacentValues expected, AdjacentValues actual, String context) {
        assertEquals(exact(expected.value()), exact(actual.value()), context);
        assertEquals(expected.entries(), actual.entries(), context);
        assertEquals(expected.none(), actual.none(), context);
        assertEquals(set(expected.neighbours()), set(actual.neighbours()), context);
    }

    /** Reads a key search page by page with a random page size, resuming after the last key of each page. */
    private static List<TimelineKey> pagedKeys(String prefix, Random random,
            Function<KeyRange, List<TimelineKey>> search) {
        int limit = 1 + random.nextInt(3);
        List<TimelineKey> all = new ArrayList<>();
        Optional<TimelineKey> after = Optional.empty();
        while (true) {
            List<TimelineKey> page = search.apply(new KeyRange(prefix, after, limit));
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    private static List<Transition> pagedTransitions(Random random,
            BiFunction<Optional<TransitionPosition>, Integer, List<Transition>> search) {
        int limit = 1 + random.nextInt(4);
        List<Transition> all = new ArrayList<>();
        Optional<TransitionPosition> after = Optional.empty();
        while (true) {
            List<Transition> page = search.apply(after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(TransitionPosition.of(page.get(page.size() - 1)));
        }
    }

    private static List<String> pagedNames(InMemoryEventStore store, Random random) {
        int limit = 1 + random.nextInt(3);
        List<String> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<String> page = store.attributeNames(after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> ingest = event().list().ofMinSize(1).ofMaxSize(8).map(Ingest::new);
        Arbitrary<Step> delete = key().map(Delete::new);
        Arbitrary<Step> check = Arbitraries.just(new Check());
        return Arbitraries.frequencyOf(Tuple.of(8, ingest), Tuple.of(1, delete), Tuple.of(2, check))
                .list().ofMaxSize(12);
    }

    private static Arbitrary<IncomingEvent> event() {
        Arbitrary<Timestamp> timestamp = Arbitraries.integers().between(0, 24).map(half -> new Timestamp(
                BASE + half * 500_000L));
        Arbitrary<Optional<EventId>> id = Arbitraries.of("i1", "i2", "i3").map(EventId::new).optional(0.3);
        return Combinators.combine(key(), timestamp, id, data()).as(IncomingEvent::new);
    }

    private static Arbitrary<TimelineKey> key() {
        return Arbitraries.of(KEYS).map(TimelineKey::new);
    }

    /** Data with a top-level and a nested status, each often missing, and other members now and then. */
    private static Arbitrary<JsonValue.Obj> data() {
        Arbitrary<Optional<JsonValue>> status = Arbitraries.of(VALUES).optional(0.7);
        Arbitrary<Optional<JsonValue>> order = Arbitraries.oneOf(
                Arbitraries.of(VALUES).map(value -> obj("status", value)),
                Arbitraries.just(str("flat")), Arbitraries.just(obj("other", num("1")))).optional(0.4);
        Arbitrary<Optional<String>> extra = Arbitraries.of("note", "a", "é", "Z").optional(0.3);
        return Combinators.combine(status, order, extra).as((s, o, e) -> {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            e.ifPresent(name -> members.put(name, str("x")));
            s.ifPresent(value -> members.put("status", value));
            o.ifPresent(value -> members.put("order", value));
            return new JsonValue.Obj(members);
        });
    }

    private static Optional<JsonValue> randomValue(Random random) {
        return random.nextInt(3) == 0 ? Optional.of(VALUES.get(random.nextInt(VALUES.size()))) : Optional.empty();
    }

    /** Times from before the first event to after the last, on the same half-second grid and between it. */
    private static Timestamp randomTime(Random random) {
        return new Timestamp(BASE + (random.nextInt(30) - 2) * 250_000L);
    }

    /** Open on either side now and then, and empty (since = until) now and then. */
    private static Window randomWindow(Random random) {
        if (random.nextInt(6) == 0) {
            Timestamp both = randomTime(random);
            return Window.between(both, both);
        }
        Optional<Timestamp> since = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomTime(random));
        Optional<Timestamp> until = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomTime(random));
        if (since.isPresent() && until.isPresent() && since.get().compareTo(until.get()) > 0) {
            return new Window(until, since);
        }
        return new Window(since, until);
    }

    private static Timestamp time(long seconds) {
        return new Timestamp(BASE + seconds * Timestamp.MICROS_PER_SECOND);
    }

    private static <T> Set<T> set(Collection<T> items) {
        Set<T> set = new HashSet<>(items);
        assertEquals(items.size(), set.size(), "an answer lists something twice: " + items);
        return set;
    }

    /** The value as written, telling 1 from 1.0 (JSON equality does not). */
    private static String exact(JsonValue value) {
        if (value instanceof JsonValue.Num number) {
            return number.value().toString();
        }
        if (value instanceof JsonValue.Obj object) {
            StringBuilder text = new StringBuilder("{");
            object.members().forEach((name, member) -> text.append(name).append(':').append(exact(member)).append(','));
            return text.append('}').toString();
        }
        if (value instanceof JsonValue.Arr array) {
            return array.elements().stream().map(CrossTimelinePropertiesTest::exact).toList().toString();
        }
        return String.valueOf(value);
    }

    private static JsonValue str(String text) {
        return new JsonValue.Str(text);
    }

    private static JsonValue num(String written) {
        return new JsonValue.Num(new BigDecimal(written));
    }

    private static JsonValue.Obj obj(String name, JsonValue value) {
        return new JsonValue.Obj(Map.of(name, value));
    }
}
