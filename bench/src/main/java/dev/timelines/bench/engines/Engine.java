package dev.timelines.bench.engines;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Span;

/**
 * Something that stores the generated events and answers the questions of issue 5 about their {@code status}.
 * An engine is loaded once; the harness makes a fresh one for every load repetition.
 */
public interface Engine extends AutoCloseable {

    /** Loads the dataset, recording what loading costs (time, memory, disk) under this engine's name. */
    void load(Dataset dataset, Figures.Recorder figures) throws Exception;

    /** The change points of one timeline, in timeline order. */
    Answer changes(String key) throws Exception;

    /** The transitions from one value to another whose {@code at} lies in the window, by (at, key, seq). */
    Answer transitions(String from, String to, Span window) throws Exception;

    /** For each entry into the value in the window, the next value however late, and the time until it. */
    Answer next(String value, Span window) throws Exception;

    /** Per (from, to) pair in the window its count and median duration; the entries per value. */
    Answer processMap(Span window) throws Exception;

    /** How many timelines hold each value at the moment. */
    Answer statesAt(long atMicros) throws Exception;

    /** The keys of the timelines holding the value at the moment, in code point order. */
    Answer inStateAt(String value, long atMicros) throws Exception;

    /** Time spent in each value inside the window, and by how many timelines. */
    Answer timeInStates(Span window) throws Exception;
}
