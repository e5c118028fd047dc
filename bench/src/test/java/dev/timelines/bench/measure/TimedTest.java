package dev.timelines.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.bench.questions.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The schedule of an engine's questions on a simulated clock, where each run of a question takes a fixed time. */
class TimedTest {

    private static final long MILLI = 1_000_000;

    /** The simulated clock: each run of a question advances it by the run's time. */
    private long now;
    private final List<String> asked = new ArrayList<>();

    @Test
    void warmUpLastsForBothItsRunsAndItsTime() throws Exception {
        Timed fast = measureOne(new Schedule(3, Duration.ofSeconds(1), 10, Duration.ofSeconds(60)), 10 * MILLI);
        assertRuns(fast, 100, 10);
        assertEquals(10, fast.millis().orElseThrow().median());
        assertRuns(measureOne(new Schedule(3, Duration.ofMillis(10), 10, Duration.ofSeconds(60)), 500 * MILLI), 3, 10);
    }

    @Test
    void budgetStopsMeasuringButOneWarmUpAndOneMeasuredRunAlwaysHappen() throws Exception {
        assertRuns(measureOne(new Schedule(3, Duration.ofSeconds(5), 10, Duration.ofSeconds(60)), 90_000 * MILLI),
                1, 1);
        assertRuns(measureOne(new Schedule(2, Duration.ZERO, 10, Duration.ofSeconds(60)), 10_000 * MILLI), 2, 4);
    }

    @Test
    void warmUpGoesRoundTheQuestionsBeforeAnyIsMeasured() throws Exception {
        Map<String, Long> questions = new LinkedHashMap<>();
        questions.put("a", MILLI);
        questions.put("b", MILLI);
        measure(new Schedule(2, Duration.ZERO, 2, Duration.ofSeconds(60)), questions);
        assertEquals(List.of("a", "b", "a", "b", "a", "a", "b", "b"), asked);
    }

    @Test
    void anAnswerThatChangesBetweenRunsFailsTheQuestion() {
        Callable<Answer> changing = () -> Answer.inOrder().timeline("t" + asked.add("changing") + asked.size())
                .build();
        assertThrows(IllegalStateException.class, () -> Timed.measure(
                new Schedule(1, Duration.ZERO, 2, Duration.ofSeconds(1)), Map.of("changing", changing), () -> now));
    }

    private Timed measureOne(Schedule schedule, long nanos) throws Exception {
        return measure(schedule, Map.of("only", nanos)).get("only");
    }

    private static void assertRuns(Timed timed, int warmups, int measured) {
        assertEquals(warmups, timed.warmups(), "warm-up runs");
        assertEquals(measured, timed.millis().orElseThrow().samples(), "measured runs");
    }

    /** Questions by name, each taking the given nanoseconds per run and always giving the same answer. */
    private Map<String, Timed> measure(Schedule schedule, Map<String, Long> nanos) throws Exception {
        Map<String, Callable<Answer>> questions = new LinkedHashMap<>();
        nanos.forEach((name, took) -> questions.put(name, () -> {
            now += took;
            asked.add(name);
            return Answer.inOrder().timeline(name).build();
        }));
        return Timed.measure(schedule, questions, () -> now);
    }
}
