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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine the benchmark compares gives docs/semantics.md's answers on small examples: the seed example
 * arriving out of order around a note without status, and two change points with the same timestamp. The peers
 * run the same cases in both SQL dialects; PostgreSQL's engines need the embedded server to start.
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

    private List<Engine> loadedEngines() throws Exception {
        Path file = Files.writeString(directory.resolve("events.ndjson"), EVENTS);
        Dataset dataset = new Dataset(file, 7, 2, SEED_START, 1, 1, 3, 1, 0, "");
        Figures figures = new Figures();
        for (Engine engine : engines) {
            engine.load(dataset, figures.recorder(engine.getClass().getSimpleName()));
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
