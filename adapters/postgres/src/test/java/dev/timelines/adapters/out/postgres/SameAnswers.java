package dev.timelines.adapters.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonOrder;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks the memory engine and the PostgreSQL store every question about what they hold, with random times,
 * windows, filters, values and page sizes, and asserts equal answers: equal by JSON equality everywhere, and
 * also spelled alike ({@code 1} or {@code 1.0}) in aggregates while no timeline was deleted (the memory engine
 * keeps a deleted timeline's spelling while other events carry the value; docs/semantics.md).
 */
final class SameAnswers {

    static final long BASE = 1_680_945_987_000_000L;
    static final Timestamp NOW = new Timestamp(BASE + 9_000_000L);
    static final List<String> KEYS = List.of("a", "a/b", "ab", "b", "é", "😀x", "A");
    static final List<String> PREFIXES = List.of("", "a", "a/", "😀", "z", "é");
    /** A top-level key, a nested pointer, an array index, and an index jsonb would take but RFC 6901 does not. */
    static final List<Attribute> ATTRIBUTES = List.of(new Attribute("status"), new Attribute("/order/status"),
            new Attribute("/tags/1"), new Attribute("/tags/01"));
    static final List<JsonValue> VALUES = List.of(str("a"), str("b"), str("c"), num("1"), num("1.0"), num("2"),
            JsonValue.Null.INSTANCE, JsonValue.Bool.TRUE, obj("x", num("1")), obj("x", num("1.0")),
            new JsonValue.Arr(List.of(num("1"))));

    private final InMemoryEventStore expected;
    private final PostgresEventStore actual;
    private final Random random;

    SameAnswers(InMemoryEventStore expected, PostgresEventStore actual, Random random) {
        this.expected = expected;
        this.actual = actual;
        this.random = random;
    }

    void compareEverything(boolean spellingsAgree) {
        for (String key : KEYS) {
            TimelineKey timeline = new TimelineKey(key);
            assertEquals(expected.timeline(timeline).map(Timeline::events),
                    actual.timeline(timeline).map(Timeline::events), key);
        }
        for (String prefix : PREFIXES) {
            assertEquals(pagedKeys(expected, prefix, CrossTimelineQueries::keys), pagedKeys(actual, prefix,
                    CrossTimelineQueries::keys), "prefix " + prefix);
        }
        assertEquals(pagedNames(expected), pagedNames(actual));
        for (Attribute attribute : ATTRIBUTES) {
            compareAttribute(attribute, spellingsAgree);
        }
    }

    private void compareAttribute(Attribute attribute, boolean spellingsAgree) {
        Timestamp at = randomTime();
        Window window = randomWindow();
        TransitionFilter filter = new TransitionFilter(randomValue(), randomValue(), window);
        boolean entries = random.nextBoolean();
        String context = attribute + " at " + at + " in " + window + " " + filter;

        StateCounts counts = actual.statesAt(attribute, at);
        assertEquals(at, counts.at(), context);
        same(expected.statesAt(attribute, at).counts(), counts.counts(), ValueCount::value, spellingsAgree, context);
        assertEquals(pagedTransitions(expected, attribute, filter, entries),
                pagedTransitions(actual, attribute, filter, entries), context);
        ProcessMap expectedMap = expected.processMap(attribute, filter);
        ProcessMap map = actual.processMap(attribute, filter);
        same(expectedMap.pairs(), map.pairs(), PairStatistics::from, spellingsAgree, context);
        same(expectedMap.pairs(), map.pairs(), PairStatistics::to, spellingsAgree, context);
        same(expectedMap.entries(), map.entries(), ValueCount::value, spellingsAgree, context);
        same(expected.timeInStates(attribute, window, NOW), actual.timeInStates(attribute, window, NOW),
                TimeInState::value, spellingsAgree, context);
        same(expected.values(attribute), actual.values(attribute), ValueUsage::value, spellingsAgree, context);
        List<JsonValue> probes = new ArrayList<>(expected.values(attribute).stream().map(ValueUsage::value).toList());
        probes.add(VALUES.get(random.nextInt(VALUES.size())));
        for (JsonValue value : probes) {
            String prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
            String about = context + " value " + exact(value) + " prefix " + prefix;
            assertEquals(pagedKeys(expected, prefix, (store, range) -> store.inState(attribute, value, at, range)),
                    pagedKeys(actual, prefix, (store, range) -> store.inState(attribute, value, at, range)), about);
            assertEquals(pagedKeys(expected, prefix, (store, range) -> store.inStateDuring(attribute, value, window,
                    range)), pagedKeys(actual, prefix, (store, range) -> store.inStateDuring(attribute, value, window,
                    range)), about);
            sameAdjacent(expected.next(attribute, value, window), actual.next(attribute, value, window),
                    spellingsAgree, about);
            sameAdjacent(expected.previous(attribute, value, window), actual.previous(attribute, value, window),
                    spellingsAgree, about);
        }
    }

    private static void sameAdjacent(AdjacentValues expected, AdjacentValues actual, boolean spellingsAgree,
            String context) {
        assertEquals(exact(expected.value()), exact(actual.value()), context);
        assertEquals(expected.entries(), actual.entries(), context);
        assertEquals(expected.none(), actual.none(), context);
        same(expected.neighbours(), actual.neighbours(), ValueDurations::value, spellingsAgree, context);
    }

    /** Equal as sets (JSON equality), and when spellings agree, the values spelled alike too. */
    private static <T> void same(Collection<T> expected, Collection<T> actual, Function<T, JsonValue> value,
            boolean spellingsAgree, String context) {
        assertEquals(set(expected), set(actual), context);
        if (spellingsAgree) {
            assertEquals(spellings(expected, value), spellings(actual, value), context);
        }
    }

    private static <T> List<String> spellings(Collection<T> items, Function<T, JsonValue> value) {
        return items.stream().map(value).sorted(JsonOrder.INSTANCE).map(SameAnswers::exact).toList();
    }

    private interface KeySearch {
        List<TimelineKey> search(CrossTimelineQueries store, KeyRange range);
    }

    /** Reads a key search page by page with a random page size, resuming after the last key of each page. */
    private List<TimelineKey> pagedKeys(CrossTimelineQueries store, String prefix, KeySearch search) {
        int limit = 1 + random.nextInt(3);
        List<TimelineKey> all = new ArrayList<>();
        Optional<TimelineKey> after = Optional.empty();
        while (true) {
            List<TimelineKey> page = search.search(store, new KeyRange(prefix, after, limit));
            assertPageAdvances(all, page);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    private List<Transition> pagedTransitions(CrossTimelineQueries store, Attribute attribute,
            TransitionFilter filter, boolean entries) {
        int limit = 1 + random.nextInt(4);
        List<Transition> all = new ArrayList<>();
        Optional<TransitionPosition> after = Optional.empty();
        while (true) {
            List<Transition> page = store.transitions(attribute, filter, entries, after, limit);
            assertPageAdvances(all, page);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(TransitionPosition.of(page.get(page.size() - 1)));
        }
    }

    private List<String> pagedNames(CrossTimelineQueries store) {
        int limit = 1 + random.nextInt(3);
        List<String> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<String> page = store.attributeNames(after, limit);
            assertPageAdvances(all, page);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
    }

    /** A page that repeats what an earlier page gave would make the paging loops run forever. */
    private static <T> void assertPageAdvances(List<T> before, List<T> page) {
        if (!page.isEmpty() && before.contains(page.get(0))) {
            throw new AssertionError("a page repeats " + page.get(0) + " after " + before);
        }
    }

    private Optional<JsonValue> randomValue() {
        return random.nextInt(3) == 0 ? Optional.of(VALUES.get(random.nextInt(VALUES.size()))) : Optional.empty();
    }

    /** Times from before the first event to after the last, on the events' half-second grid and between it. */
    private Timestamp randomTime() {
        return new Timestamp(BASE + (random.nextInt(30) - 2) * 250_000L);
    }

    /** Open on either side now and then, and empty (since = until) now and then. */
    private Window randomWindow() {
        if (random.nextInt(6) == 0) {
            Timestamp both = randomTime();
            return Window.between(both, both);
        }
        Optional<Timestamp> since = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomTime());
        Optional<Timestamp> until = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomTime());
        if (since.isPresent() && until.isPresent() && since.get().compareTo(until.get()) > 0) {
            return new Window(until, since);
        }
        return new Window(since, until);
    }

    private static <T> Set<T> set(Collection<T> items) {
        Set<T> set = new HashSet<>(items);
        assertEquals(items.size(), set.size(), "an answer lists something twice: " + items);
        return set;
    }

    /** The value as written, telling 1 from 1.0 (JSON equality does not); members sorted (jsonb sorts them). */
    static String exact(JsonValue value) {
        if (value instanceof JsonValue.Num number) {
            return number.value().toString();
        }
        if (value instanceof JsonValue.Obj object) {
            return object.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(member -> member.getKey() + ":" + exact(member.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof JsonValue.Arr array) {
            return array.elements().stream().map(SameAnswers::exact).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    static JsonValue str(String text) {
        return new JsonValue.Str(text);
    }

    static JsonValue num(String written) {
        return new JsonValue.Num(new BigDecimal(written));
    }

    static JsonValue.Obj obj(String name, JsonValue value) {
        return new JsonValue.Obj(Map.of(name, value));
    }
}
