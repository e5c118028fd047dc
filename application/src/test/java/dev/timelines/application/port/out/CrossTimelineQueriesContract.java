package dev.timelines.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.in.AnalyzeStatesUseCase;
import dev.timelines.application.port.in.AnalyzeTransitionsUseCase;
import dev.timelines.application.port.in.DescribeAttributesUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.application.service.AttributeCatalogService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.EventId;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What every storage promises for the questions across timelines (docs/architecture.md, "One contract"): over
 * random stores (random arrival orders, equal timestamps, missing attributes, repeated values, nested pointers,
 * explicit null, 1 and 1.0, duplicate ids and deletes), every question asked through the application's services
 * equals the brute-force {@link ReferenceAnswers} — once with the storage's fast paths, once from its scans alone.
 * An adapter's test extends this class and says how to open a fresh, empty store.
 */
public abstract class CrossTimelineQueriesContract {

    private static final long BASE = 1_680_945_987_000_000L;
    private static final Timestamp RECEIVED = new Timestamp(BASE);
    /** Within the range of event times, so that some states are still open and some lie in the future. */
    private static final Timestamp NOW = time(9);
    /** U+FF21 sorts before the emoji by code point but after it by UTF-16 unit. */
    private static final List<String> KEYS = List.of("a", "a/b", "ab", "b", "é", "😀x", "A", "\uFF21");
    private static final List<String> PREFIXES = List.of("", "a", "a/", "😀", "z", "é");
    private static final List<Attribute> ATTRIBUTES =
            List.of(new Attribute("status"), new Attribute("/order/status"), new Attribute("missing"));
    /** Funnel steps: few values, so that chains form often. */
    private static final List<JsonValue> FUNNEL_VALUES = List.of(str("a"), str("b"), num("1"));
    private static final List<JsonValue> VALUES = List.of(str("a"), str("b"), str("c"), num("1"), num("1.0"),
            num("2"), JsonValue.Null.INSTANCE, JsonValue.Bool.TRUE, obj("x", num("1")), obj("x", num("1.0")),
            new JsonValue.Arr(List.of(num("1"))));

    /** A store under test: its write side, its read sides, and the fast paths it offers. */
    public record Store(EventLog log, TimelineReader reader, StoreScans scans, IndexedAnswers indexed) {
    }

    /** A new, empty store; {@code round} counts the stores opened, so that an adapter can vary how it opens them. */
    protected abstract Store newStore(int round);

    /**
     * Whether seqs follow the arrival order across timelines (docs/semantics.md, "Seq"); where they follow a log
     * instead (Kafka), the reference takes the store's seqs, so that the lowest seq picks the same spelling.
     */
    protected boolean seqsFollowArrivalAcrossTimelines() {
        return true;
    }

    /** Releases what the store holds (files, connections); called after each scenario, passed or failed. */
    protected void close(Store store) {
    }

    private int round;

    /** One step of a scenario. */
    sealed interface Step {
    }

    record Ingest(List<IncomingEvent> events) implements Step {
    }

    record Delete(TimelineKey key) implements Step {
    }

    record Check() implements Step {
    }

    @Property(tries = 60)
    void everyAnswerEqualsTheReferenceWithAndWithoutFastPaths(@ForAll("scenarios") List<Step> steps,
            @ForAll Random random) {
        Store store = newStore(round++);
        try {
            play(steps, store, random, seqsFollowArrivalAcrossTimelines());
        } finally {
            close(store);
        }
    }

    /** Each request is received a second after the one before: "as known at" can fall between any two. */
    private static void play(List<Step> steps, Store store, Random random, boolean arrivalSeqs) {
        ReferenceStorage reference = new ReferenceStorage();
        boolean deleted = false;
        Timestamp received = RECEIVED;
        for (Step step : steps) {
            if (step instanceof Ingest ingest) {
                received = received.plusMicros(Timestamp.MICROS_PER_SECOND);
                assertEquals(reference.append(ingest.events(), received), store.log().append(ingest.events(),
                        received));
                if (!arrivalSeqs) {
                    reference.numberAs(store.reader());
                }
            } else if (step instanceof Delete delete) {
                boolean existed = reference.delete(delete.key());
                assertEquals(existed, store.log().delete(delete.key()));
                deleted |= existed;
            } else {
                compareEverything(store, reference, random, deleted, received);
            }
        }
        compareEverything(store, reference, random, deleted, received);
    }

    private static void compareEverything(Store store, ReferenceStorage reference, Random random,
            boolean deleted, Timestamp lastReceived) {
        ReferenceAnswers current = new ReferenceAnswers(reference.timelines());
        for (String key : KEYS) {
            TimelineKey timeline = new TimelineKey(key);
            assertEquals(Optional.ofNullable(current.timelines().get(timeline)).map(Timeline::events),
                    store.reader().timeline(timeline).map(Timeline::events), key);
        }
        // A third of the checks ask as known at a moment between requests (or at one, or before the first).
        Optional<Timestamp> asOf = random.nextInt(3) > 0 ? Optional.empty() : Optional.of(new Timestamp(
                RECEIVED.micros() + random.nextInt((int) ((lastReceived.micros() - RECEIVED.micros()) / 500_000) + 2)
                        * 500_000L));
        ReferenceAnswers expected = new ReferenceAnswers(reference.timelines(asOf));
        Services fast = new Services(store.scans(), store.indexed());
        Services scanned = new Services(store.scans(), IndexedAnswers.NONE);
        for (String prefix : PREFIXES) {
            assertEquals(expected.keys(prefix), paged(random, page -> fast.search.withPrefix(prefix, asOf, page)),
                    "as of " + asOf);
        }
        assertEquals(expected.attributeNames(), paged(random, page -> fast.attributes.names(asOf, page)));
        for (Attribute attribute : ATTRIBUTES) {
            Spellings spellings = new Spellings(current, attribute, deleted);
            for (int probe = 0; probe < 3; probe++) {
                Question question = Question.random(attribute, asOf, random);
                compareAnswers(expected, fast, question, random, spellings, "with fast paths, " + question);
                compareAnswers(expected, scanned, question, random, spellings, "from scans, " + question);
            }
            List<ValueUsage> usage = paged(random, page -> fast.attributes.values(attribute, asOf, page));
            assertEquals(set(expected.values(attribute)), set(usage), attribute.name() + " as of " + asOf);
            spellings.check(usage.stream().map(ValueUsage::value), attribute.name());
        }
    }

    /** The parameters of one round of questions about an attribute. */
    private record Question(Attribute attribute, Timestamp at, Window window, TransitionFilter filter,
            boolean entries, String prefix, Scope scope, Optional<JsonValue> stuckIn, long longerThanMicros,
            Funnel funnel) {

        static Question random(Attribute attribute, Optional<Timestamp> asOf, Random random) {
            Window window = randomWindow(random);
            List<JsonValue> steps = new ArrayList<>();
            for (int step = 2 + random.nextInt(3); step > 0; step--) {
                steps.add(FUNNEL_VALUES.get(random.nextInt(FUNNEL_VALUES.size())));
            }
            Optional<Long> within = random.nextBoolean() ? Optional.empty()
                    : Optional.of(random.nextInt(12) * 500_000L);
            return new Question(attribute, randomTime(random), window,
                    new TransitionFilter(randomValue(random), randomValue(random), window), random.nextBoolean(),
                    PREFIXES.get(random.nextInt(PREFIXES.size())), new Scope(randomCondition(random), asOf),
                    randomValue(random), random.nextInt(16) * 250_000L, new Funnel(steps, within));
        }

        /** "Now" for the questions: the moment known at, or the clock's. */
        Timestamp now() {
            return scope.asOf().orElse(NOW);
        }
    }

    private static void compareAnswers(ReferenceAnswers expected, Services services, Question question,
            Random random, Spellings spellings, String context) {
        Attribute attribute = question.attribute();
        Condition where = question.scope().where();
        StateCounts counts = services.states.statesAt(attribute, question.at(), question.scope(), true);
        spellings.check(counts.counts().stream().map(StateCount::value), context);
        assertEquals(question.at(), counts.at(), context);
        assertEquals(set(expected.statesAt(attribute, question.at(), where, true).counts()), set(counts.counts()),
                context);
        assertEquals(set(expected.statesAt(attribute, question.at(), where, false).counts()),
                set(services.states.statesAt(attribute, question.at(), question.scope(), false).counts()), context);
        assertEquals(expected.stuck(attribute, question.stuckIn(), question.longerThanMicros(), question.at(), where),
                paged(random, page -> services.states.stuck(attribute, question.stuckIn(),
                        question.longerThanMicros(), question.at(), question.scope(), page)), context);
        assertEquals(expected.funnel(attribute, question.funnel().steps(), question.funnel().withinMicros(),
                question.window(), where), services.transitions.funnel(attribute, question.funnel(),
                question.window(), question.scope()), context + " " + question.funnel());
        assertEquals(expected.transitions(attribute, question.filter(), question.entries(), where),
                paged(random, page -> services.transitions.transitions(attribute, question.filter(),
                        question.entries(), question.scope(), page)), context);
        ProcessMap expectedMap = expected.processMap(attribute, question.filter(), where);
        ProcessMap map = services.transitions.summary(attribute, question.filter(), question.scope());
        assertEquals(set(expectedMap.pairs()), set(map.pairs()), context);
        assertEquals(set(expectedMap.entries()), set(map.entries()), context);
        spellings.check(map.pairs().stream().flatMap(pair -> Stream.of(pair.from(), pair.to())), context);
        spellings.check(map.entries().stream().map(ValueCount::value), context);
        List<TimeInState> spent = services.states.timeInStates(attribute, question.window(), question.scope());
        assertEquals(set(expected.timeInStates(attribute, question.window(), question.now(), where)), set(spent),
                context);
        spellings.check(spent.stream().map(TimeInState::value), context);
        for (JsonValue value : VALUES) {
            String about = context + " value " + exact(value);
            assertEquals(expected.inState(attribute, value, question.at(), question.prefix(), where),
                    paged(random, page -> services.search.inState(attribute, value, question.at(),
                            question.prefix(), question.scope(), page)), about);
            assertEquals(expected.inStateDuring(attribute, value, question.window(), question.prefix()),
                    paged(random, page -> services.search.inStateDuring(attribute, value, question.window(),
                            question.prefix(), question.scope().asOf(), page)), about);
            AdjacentValues next = services.transitions.next(attribute, value, question.window(), question.scope());
            AdjacentValues previous = services.transitions.previous(attribute, value, question.window(),
                    question.scope());
            assertAdjacent(expected.next(attribute, value, question.window(), where), next, about);
            assertAdjacent(expected.previous(attribute, value, question.window(), where), previous, about);
            spellings.check(Stream.concat(next.neighbours().stream(), previous.neighbours().stream())
                    .map(ValueDurations::value), about);
        }
    }

    /**
     * Values in answers are shown as the first stored event carrying an equal value wrote them (1 or 1.0), whatever
     * the moment asked about: checked while nothing was deleted (a deleted timeline's spelling may outlive it, see
     * docs/semantics.md).
     */
    private record Spellings(ReferenceAnswers current, Attribute attribute, boolean deleted) {

        void check(Stream<JsonValue> shown, String context) {
            if (!deleted) {
                shown.forEach(value -> assertEquals(exact(current.firstWritten(attribute, value)), exact(value),
                        context));
            }
        }
    }

    /** No condition mostly; else one or two members on the scenario's attributes, at times on the attribute asked. */
    private static Condition randomCondition(Random random) {
        Map<Attribute, JsonValue> members = new HashMap<>();
        for (int member = random.nextInt(4) - 1; member > 0; member--) {
            switch (random.nextInt(3)) {
                case 0 -> members.put(new Attribute("note"), str("x"));
                case 1 -> members.put(new Attribute("status"), VALUES.get(random.nextInt(VALUES.size())));
                default -> members.put(new Attribute("/order/status"), VALUES.get(random.nextInt(VALUES.size())));
            }
        }
        return new Condition(members);
    }

    /** The use cases over one storage, with "now" fixed. */
    private static final class Services {
        private final SearchTimelinesUseCase search;
        private final AnalyzeTransitionsUseCase transitions;
        private final AnalyzeStatesUseCase states;
        private final DescribeAttributesUseCase attributes;

        Services(StoreScans scans, IndexedAnswers indexed) {
            search = new SearchTimelinesService(scans, indexed);
            transitions = new TransitionAnalysisService(scans, indexed);
            states = new StateAnalysisService(scans, indexed,
                    Clock.fixed(Instant.EPOCH.plusNanos(NOW.micros() * 1000), ZoneOffset.UTC));
            attributes = new AttributeCatalogService(scans);
        }
    }

    private static void assertAdjacent(AdjacentValues expected, AdjacentValues actual, String context) {
        assertEquals(exact(expected.value()), exact(actual.value()), context);
        assertEquals(expected.entries(), actual.entries(), context);
        assertEquals(expected.none(), actual.none(), context);
        assertEquals(set(expected.neighbours()), set(actual.neighbours()), context);
    }

    /** Reads a list page by page with a random page size, following the cursors. */
    private static <T> List<T> paged(Random random, Function<PageRequest, Page<T>> list) {
        int limit = 1 + random.nextInt(4);
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = list.apply(new PageRequest(limit, cursor));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
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
    static String exact(JsonValue value) {
        if (value instanceof JsonValue.Num number) {
            return number.value().toString();
        }
        if (value instanceof JsonValue.Obj object) {
            StringBuilder text = new StringBuilder("{");
            object.members().forEach((name, member) -> text.append(name).append(':').append(exact(member)).append(','));
            return text.append('}').toString();
        }
        if (value instanceof JsonValue.Arr array) {
            return array.elements().stream().map(CrossTimelineQueriesContract::exact).toList().toString();
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
