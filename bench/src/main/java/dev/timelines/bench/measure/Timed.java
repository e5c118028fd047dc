package dev.timelines.bench.measure;

import dev.timelines.bench.questions.Answer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * An engine's answer to a question and the milliseconds it took, when the engine could answer it, with the
 * number of warm-up runs before the measured ones ({@code millis.samples()}).
 */
public record Timed(Answer answer, Optional<Stats> millis, int warmups) {

    /** One question's runs so far: its first answer, how often and for how long it was asked. */
    private static final class Runs {

        private final Callable<Answer> question;
        private Answer first;
        private int count;
        private long nanos;

        Runs(Callable<Answer> question) {
            this.question = question;
        }

        /** Asks once; returns the run's time. Every answer must equal the first. */
        long ask(LongSupplier nanoTime) throws Exception {
            long before = nanoTime.getAsLong();
            Answer answer = question.call();
            long took = nanoTime.getAsLong() - before;
            if (first == null) {
                first = answer;
            } else if (!first.checksum().equals(answer.checksum())) {
                throw new IllegalStateException("the answer changed between runs: " + first.checksum() + " then "
                        + answer.checksum());
            }
            count++;
            nanos += took;
            return took;
        }

        boolean served() {
            return first.unavailable().isEmpty();
        }
    }

    /**
     * Asks one engine's questions as the schedule says. The warm-up goes round the questions in turn, so that
     * the first question measured comes after every question's warm-up, when the engine's code paths (a
     * service's request handling above all) are compiled; then each question is measured in turn. A question's
     * budget counts the time of its own runs. An engine whose answer changes between runs is broken, and fails.
     */
    public static <Q> Map<Q, Timed> measure(Schedule schedule, Map<Q, Callable<Answer>> questions) throws Exception {
        return measure(schedule, questions, System::nanoTime);
    }

    static <Q> Map<Q, Timed> measure(Schedule schedule, Map<Q, Callable<Answer>> questions, LongSupplier nanoTime)
            throws Exception {
        long warmup = schedule.warmup().toNanos();
        long budget = schedule.budget().toNanos();
        Map<Q, Runs> runs = new LinkedHashMap<>();
        for (Map.Entry<Q, Callable<Answer>> question : questions.entrySet()) {
            Runs first = new Runs(question.getValue());
            first.ask(nanoTime);
            runs.put(question.getKey(), first);
        }
        for (boolean warming = true; warming; ) {
            warming = false;
            for (Runs question : runs.values()) {
                if (question.served() && (question.count < schedule.warmups() || question.nanos < warmup)
                        && question.nanos < budget) {
                    question.ask(nanoTime);
                    warming = true;
                }
            }
        }
        Map<Q, Timed> timed = new LinkedHashMap<>();
        for (Map.Entry<Q, Runs> question : runs.entrySet()) {
            Runs asked = question.getValue();
            if (!asked.served()) {
                timed.put(question.getKey(), new Timed(asked.first, Optional.empty(), asked.count));
                continue;
            }
            int warmups = asked.count;
            double[] millis = new double[schedule.repetitions()];
            int measured = 0;
            do {
                millis[measured++] = asked.ask(nanoTime) / 1e6;
            } while (measured < millis.length && asked.nanos < budget);
            timed.put(question.getKey(), new Timed(asked.first,
                    Optional.of(Stats.of(Arrays.copyOf(millis, measured))), warmups));
        }
        return timed;
    }
}
