package dev.timelines.bench.measure;

import java.time.Duration;

/**
 * How often each engine asks each question: warm-up until the question has had both {@code warmups} runs and
 * {@code warmup} time (a JIT-compiled service needs thousands of requests, a slow query a few), then
 * {@code repetitions} measured runs. Once its runs have taken the {@code budget}, no further run of the question
 * starts, except that one warm-up and one measured run always happen: a slow engine still gets a figure, of
 * fewer runs.
 */
public record Schedule(int warmups, Duration warmup, int repetitions, Duration budget) {

    public Schedule {
        if (warmups < 1 || repetitions < 1) {
            throw new IllegalArgumentException("at least one warm-up and one measured run");
        }
    }
}
