package dev.timelines.bench.questions;

import dev.timelines.bench.workload.Dataset;

/**
 * The one set of parameters every engine is asked with, placed in the middle of the generated 30 days where
 * every status is in use.
 *
 * @param key the timeline whose changes view is asked for
 * @param tenMinutes the window of the paid → on_hold transitions
 * @param day the window of {@code next}, the process map and time in state
 * @param atMicros the moment of the state counts and of the on_hold search
 */
public record Parameters(String key, Span tenMinutes, Span day, long atMicros) {

    /** The attribute every question is about. */
    public static final String ATTRIBUTE = "status";
    public static final String FROM = "paid";
    public static final String HELD = "on_hold";

    public static Parameters of(Dataset dataset) {
        long middle = dataset.startSeconds() + 15 * 86_400L;
        long noon = middle + 12 * 3_600L;
        return new Parameters(Dataset.key(dataset.timelines() / 2), Span.ofSeconds(noon, 600),
                Span.ofSeconds(middle, 86_400), noon * 1_000_000L);
    }
}
