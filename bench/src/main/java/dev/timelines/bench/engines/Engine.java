package dev.timelines.bench.engines;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Span;
import java.util.List;

/**
 * Something that stores the generated events and answers the questions of issues 5 and 12 about their
 * {@code status}. An engine is loaded once; the harness makes a fresh one for every load repetition.
 */
public interface Engine extends AutoCloseable {

    /**
     * Loads the dataset, recording what loading costs (time, memory, disk) under this engine's name. The first
     * {@code asOfRows} lines are ingested as batches of their own, the last one ending there: what the engine
     * knew once that batch was acknowledged is what {@link #statesAsOf} asks about.
     */
    void load(Dataset dataset, long asOfRows, Figures.Recorder figures) throws Exception;

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

    /**
     * The timelines holding the value at the moment since strictly longer than the given time: key, since and how
     * long, by since, then key.
     */
    Answer stuck(String value, long longerThanMicros, long atMicros) throws Exception;

    /** How many timelines hold each value at the moment, and the statistics of how long they had held it. */
    Answer ages(long atMicros) throws Exception;

    /**
     * {@link #next}, of the entries where {@code attribute} held {@code condition} at the entry's own change
     * point (the last event carrying the attribute at or before it, in timeline order).
     */
    Answer nextWhere(String value, Span window, String attribute, String condition) throws Exception;

    /** Per step of the funnel, the timelines whose chain of entries in the window reached it, and how fast. */
    Answer funnel(List<String> steps, long withinMicros, Span window) throws Exception;

    /** {@link #statesAt}, as known once the batch ending at the load's {@code asOfRows} was acknowledged. */
    Answer statesAsOf(long atMicros) throws Exception;
}
