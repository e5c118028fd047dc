package dev.timelines.bench.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine the benchmark compares gives docs/semantics.md's answers on small examples: the seed example
 * arriving out of order around a note without status, and two change points with the same timestamp; then the
 * worked examples of issue 12's questions (stuck timelines and ages, {@code where}, funnels, {@code asOf}). The
 * peers run the same cases in both SQL dialects; PostgreSQL's engines need the embedded server to start.
 */
class SpecExamplesTest {

    private static final long SEED_START = 1_680_945_987L;
    /** Arrival order: out of timestamp order, with an event without status and ties decided by arrival. */
    private static final String EVENTS = """
            {"timeline":"seed","timestamp":1680946010,"data":{"status":"wait"}}
            {"timeline":"seed","timestamp":1680945987,"data":{"status":"start"}}
            {"timeline":"seed","timestamp":1680946015,"data":{"status":"end"}}
            {"timeline":"seed","timestamp":1680945995,"data":{"note":"no status here"}}
            {"timeline":"seed","timestamp":1680945989,"data":{"status":"wait"}}
            {"timeline":"tie","timestamp":1680946000,"data":{"status":"a"}}
            {"timeline":"tie","timestamp":1680946000,"data":{"status":"b"}}
            """;

    @TempDir
    Path directory;

    private static PostgresServer postgres;

    private final List<Engine> engines = List.of(new TimelinesInProcess(3, new MemoryStorage()),
            new TimelinesInProcess(3, new PostgresStorage(postgres)), new DuckDb(SqlPeer.Mode.ON_THE_FLY),
            new DuckDb(SqlPeer.Mode.PRECOMPUTED), new PostgresPeer(SqlPeer.Mode.ON_THE_FLY, postgres),
            new PostgresPeer(SqlPeer.Mode.PRECOMPUTED, postgres));

    @BeforeAll
    static void startPostgres() throws SQLException {
        postgres = PostgresServer.start();
    }

    @AfterEach
    void closeEngines() throws Exception {
        for (Engine engine : engines) {
            engine.close();
        }
    }

    @Test
    void changesViewDropsRepeatsAndOrdersByTimestampThenArrival() throws Exception {
        Answer seed = Answer.inOrder().point(micros(SEED_START), "start").point(micros(1_680_945_989L), "wait")
                .point(micros(1_680_946_015L), "end").build();
        Answer tie = Answer.inOrder().point(micros(1_680_946_000L), "a").point(micros(1_680_946_000L), "b").build();
        for (Engine engine : loadedEngines()) {
            assertEquals(seed.lines(), engine.changes("seed").lines(), name(engine));
            assertEquals(tie.lines(), engine.changes("tie").lines(), name(engine));
        }
    }

    @Test
    void firstChangePointIsAnEntryAndNextLooksPastTheWindow() throws Exception {
        Span all = new Span(micros(SEED_START), micros(1_680_946_100L));
        Span beforeEnd = new Span(micros(SEED_START), micros(1_680_946_000L));
        Answer transitions = Answer.inOrder()
                .transition(micros(1_680_946_000L), "tie", "a", "b", 0).build();
        Answer map = Answer.anyOrder().pair("start", "wait", 1, micros(2)).pair("wait", "end", 1, micros(26))
                .pair("a", "b", 1, 0).entry("start", 1).entry("a", 1).build();
        Answer next = Answer.anyOrder().entries(1).none(0).next("end", 1, micros(26)).build();
        for (Engine engine : loadedEngines()) {
            assertEquals(transitions.lines(), engine.transitions("a", "b", all).lines(), name(engine));
            assertEquals(map.lines(), engine.processMap(all).lines(), name(engine));
            assertEquals(next.lines(), engine.next("wait", beforeEnd).lines(), name(engine));
        }
    }

    @Test
    void stateAtATieIsTheLastArrivedAndZeroLengthStatesTakeNoTime() throws Exception {
        long at = micros(1_680_946_000L);
        Answer states = Answer.anyOrder().state("wait", 1).state("b", 1).timelines(2).build();
        Span window = new Span(micros(1_680_945_990L), micros(1_680_946_020L));
        Answer time = Answer.anyOrder().timeIn("wait", micros(25), 1).timeIn("end", micros(5), 1)
                .timeIn("b", micros(20), 1).build();
        for (Engine engine : loadedEngines()) {
            assertEquals(states.lines(), engine.statesAt(at).lines(), name(engine));
            assertEquals(List.of("timeline\ttie"), engine.inStateAt("b", at).lines(), name(engine));
            assertEquals(time.lines(), engine.timeInStates(window).lines(), name(engine));
        }
    }

    /**
     * docs/semantics.md, "Stuck timelines and state ages": {@code paid@0, on_hold@100, on_hold@400, shipped@900} at
     * 600 is not stuck for longer than 500 (500 is not longer than 500), and is for longer than 499, since 100 for
     * 500 seconds. Two more timelines on hold since 300 come after it, by since, then key in code point order
     * ({@code B} before {@code a}); the ages are nearest-rank statistics of 500, 300 and 300.
     */
    @Test
    void stuckIsStrictlyLongerSinceTheStayBeganAndAgesAreItsStatistics() throws Exception {
        String events = """
                {"timeline":"stuck","timestamp":1700000400,"data":{"status":"on_hold"}}
                {"timeline":"stuck","timestamp":1700000000,"data":{"status":"paid"}}
                {"timeline":"held-a","timestamp":1700000300,"data":{"status":"on_hold"}}
                {"timeline":"stuck","timestamp":1700000100,"data":{"status":"on_hold"}}
                {"timeline":"held-B","timestamp":1700000300,"data":{"status":"on_hold"}}
                {"timeline":"stuck","timestamp":1700000900,"data":{"status":"shipped"}}
                """;
        long at = micros(1_700_000_600L);
        Answer stuckSince100 = Answer.inOrder().stuck("stuck", micros(1_700_000_100L), micros(500)).build();
        Answer all = Answer.inOrder().stuck("stuck", micros(1_700_000_100L), micros(500))
                .stuck("held-B", micros(1_700_000_300L), micros(300))
                .stuck("held-a", micros(1_700_000_300L), micros(300)).build();
        Answer ages = Answer.anyOrder().timelines(3)
                .age("on_hold", 3, micros(300), micros(300), micros(500), micros(500), micros(500)).build();
        for (Engine engine : loadedEngines(events, 6)) {
            assertEquals(List.of(), engine.stuck("on_hold", micros(500), at).lines(), name(engine));
            assertEquals(stuckSince100.lines(), engine.stuck("on_hold", micros(499), at).lines(), name(engine));
            assertEquals(all.lines(), engine.stuck("on_hold", micros(299), at).lines(), name(engine));
            assertEquals(ages.lines(), engine.ages(at).lines(), name(engine));
        }
    }

    /**
     * docs/semantics.md, "Conditions across attributes": {@code {"status":"on_hold"}@50} then
     * {@code {"priority":"high"}@50} in one request: the entry into on_hold does not satisfy the condition, the
     * priority event comes later in timeline order ({@code w}). It does when the priority event arrived first
     * ({@code v}) or is the entry's own event ({@code u}), and not when a later priority event replaced it before
     * the entry ({@code x}, still on hold: none).
     */
    @Test
    void whereHoldsAtTheEntrysOwnChangePoint() throws Exception {
        String events = """
                {"timeline":"w","timestamp":1700000050,"data":{"status":"on_hold"}}
                {"timeline":"w","timestamp":1700000050,"data":{"priority":"high"}}
                {"timeline":"v","timestamp":1700000050,"data":{"priority":"high"}}
                {"timeline":"v","timestamp":1700000050,"data":{"status":"on_hold"}}
                {"timeline":"u","timestamp":1700000050,"data":{"status":"on_hold","priority":"high"}}
                {"timeline":"x","timestamp":1700000010,"data":{"priority":"high"}}
                {"timeline":"x","timestamp":1700000050,"data":{"status":"on_hold"}}
                {"timeline":"x","timestamp":1700000040,"data":{"priority":"normal"}}
                {"timeline":"w","timestamp":1700000080,"data":{"status":"paid"}}
                {"timeline":"u","timestamp":1700000070,"data":{"status":"shipped"}}
                {"timeline":"v","timestamp":1700000090,"data":{"status":"paid"}}
                """;
        Span window = new Span(micros(1_700_000_000L), micros(1_700_000_100L));
        Answer all = Answer.anyOrder().entries(4).none(1).next("paid", 2, micros(30)).next("shipped", 1, micros(20))
                .build();
        Answer high = Answer.anyOrder().entries(2).none(0).next("paid", 1, micros(40)).next("shipped", 1, micros(20))
                .build();
        for (Engine engine : loadedEngines(events, 11)) {
            assertEquals(all.lines(), engine.next("on_hold", window).lines(), name(engine));
            assertEquals(high.lines(), engine.nextWhere("on_hold", window, "priority", "high").lines(),
                    name(engine));
        }
    }

    /**
     * docs/semantics.md, "Funnels": steps a → b → c over {@code b@1, a@2, c@3, a@100, b@104, c@105} ({@code f}):
     * level 3 through a@2 → b@104 → c@105 (102 and 1); within 50, through a@100 → b@104 → c@105 (4 and 1); from
     * 3 on only a@100 can start a chain. {@code g} reaches b 190 after a: level 2, but 1 within 50; the medians of
     * two durations are the lower one (nearest rank).
     */
    @Test
    void funnelChainsAreTheLongestWithTheEarliestSteps() throws Exception {
        String events = """
                {"timeline":"f","timestamp":1700000001,"data":{"status":"b"}}
                {"timeline":"f","timestamp":1700000002,"data":{"status":"a"}}
                {"timeline":"f","timestamp":1700000003,"data":{"status":"c"}}
                {"timeline":"g","timestamp":1700000010,"data":{"status":"a"}}
                {"timeline":"f","timestamp":1700000100,"data":{"status":"a"}}
                {"timeline":"f","timestamp":1700000105,"data":{"status":"c"}}
                {"timeline":"f","timestamp":1700000104,"data":{"status":"b"}}
                {"timeline":"g","timestamp":1700000200,"data":{"status":"b"}}
                """;
        List<String> steps = List.of("a", "b", "c");
        Span all = new Span(micros(1_700_000_000L), micros(1_700_001_000L));
        Span fromThree = new Span(micros(1_700_000_003L), micros(1_700_001_000L));
        Answer unbounded = funnel(2, micros(102));
        Answer within50 = funnel(1, micros(4));
        Answer laterStart = funnel(2, micros(4));
        for (Engine engine : loadedEngines(events, 8)) {
            assertEquals(unbounded.lines(), engine.funnel(steps, micros(1_000), all).lines(), name(engine));
            assertEquals(within50.lines(), engine.funnel(steps, micros(50), all).lines(), name(engine));
            assertEquals(laterStart.lines(), engine.funnel(steps, micros(1_000), fromThree).lines(), name(engine));
        }
    }

    /**
     * docs/semantics.md, "As known at": request A stores paid@0 and on_hold@100, request B, received later,
     * shipped@50. As known at A's moment the state at 75 is paid; as known now it is shipped.
     */
    @Test
    void asOfCountsOnlyWhatHadArrived() throws Exception {
        String events = """
                {"timeline":"order-9","timestamp":1700000000,"data":{"status":"paid"}}
                {"timeline":"order-9","timestamp":1700000100,"data":{"status":"on_hold"}}
                {"timeline":"order-9","timestamp":1700000050,"data":{"status":"shipped"}}
                """;
        long at = micros(1_700_000_075L);
        for (Engine engine : loadedEngines(events, 2)) {
            assertEquals(List.of("state\tpaid\t1", "timelines\t1"), engine.statesAsOf(at).lines(), name(engine));
            assertEquals(List.of("state\tshipped\t1", "timelines\t1"), engine.statesAt(at).lines(), name(engine));
            assertEquals(List.of("state\ton_hold\t1", "timelines\t1"),
                    engine.statesAsOf(micros(1_700_000_100L)).lines(), name(engine));
        }
    }

    /** Two timelines enter a; {@code second} reach b, after the given median; f reaches c 1 after b. */
    private static Answer funnel(long second, long secondMedian) {
        return Answer.inOrder().step(1, "a", 2, Optional.empty()).step(2, "b", second, Optional.of(secondMedian))
                .step(3, "c", 1, Optional.of(micros(1))).build();
    }

    private List<Engine> loadedEngines() throws Exception {
        return loadedEngines(EVENTS, EVENTS.lines().count());
    }

    /** Loads the events into every engine, noting the moment after the first {@code asOfRows} of them. */
    private List<Engine> loadedEngines(String events, long asOfRows) throws Exception {
        Path file = Files.writeString(directory.resolve("events.ndjson"), events);
        long lines = events.lines().count();
        Dataset dataset = new Dataset(file, lines, 2, SEED_START, 0, 0, 0, 0, 0, "");
        Figures figures = new Figures();
        for (Engine engine : engines) {
            engine.load(dataset, asOfRows, figures.recorder(engine.getClass().getSimpleName()));
        }
        return engines;
    }

    /** Which engine failed: the two Timelines engines differ by storage, the peers by mode. */
    private String name(Engine engine) {
        return engine.getClass().getSimpleName() + " #" + engines.indexOf(engine);
    }

    private static long micros(long seconds) {
        return seconds * 1_000_000L;
    }
}
