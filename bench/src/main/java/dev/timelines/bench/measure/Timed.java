package dev.timelines.bench.measure;

import dev.timelines.bench.questions.Answer;
import java.util.Optional;
import java.util.concurrent.Callable;

/** An engine's answer to a question and the milliseconds it took, when the engine could answer it. */
public record Timed(Answer answer, Optional<Stats> millis) {

    /**
     * Asks {@code warmups} times unmeasured, then {@code repetitions} times measured. Every answer must equal the
     * first: an engine whose answer changes from one run to the next is broken, and its times mean nothing.
     */
    public static Timed measure(int warmups, int repetitions, Callable<Answer> question) throws Exception {
        Answer first = question.call();
        if (first.unavailable().isPresent()) {
            return new Timed(first, Optional.empty());
        }
        for (int i = 1; i < warmups; i++) {
            same(first, question.call());
        }
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long started = System.nanoTime();
            Answer answer = question.call();
            millis[i] = (System.nanoTime() - started) / 1e6;
            same(first, answer);
        }
        return new Timed(first, Optional.of(Stats.of(millis)));
    }

    private static void same(Answer first, Answer again) {
        if (!first.checksum().equals(again.checksum())) {
            throw new IllegalStateException("the answer changed between runs: " + first.checksum() + " then "
                    + again.checksum());
        }
    }
}
