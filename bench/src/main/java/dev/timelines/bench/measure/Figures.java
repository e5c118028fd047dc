package dev.timelines.bench.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples of the figures measured besides the questions (load, ingest, heap, disk, restart), per engine and
 * figure in the order first recorded. A figure recorded once per load repetition gets one sample each time.
 */
public final class Figures {

    /** How a figure's samples are shown. */
    public enum Unit {
        SECONDS, EVENTS_PER_SECOND, BYTES, BYTES_PER_EVENT
    }

    /** One figure of one engine. */
    public record Figure(String engine, String name, Unit unit) {
    }

    private final Map<Figure, List<Double>> samples = new LinkedHashMap<>();

    public Recorder recorder(String engine) {
        return new Recorder(engine);
    }

    public Map<Figure, Stats> stats() {
        Map<Figure, Stats> stats = new LinkedHashMap<>();
        samples.forEach((figure, values) -> stats.put(figure,
                Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return stats;
    }

    /** Records the figures of one engine. */
    public final class Recorder {

        private final String engine;

        private Recorder(String engine) {
            this.engine = engine;
        }

        public void duration(String name, long nanos) {
            add(name, Unit.SECONDS, nanos / 1e9);
        }

        public void throughput(String name, long events, long nanos) {
            add(name, Unit.EVENTS_PER_SECOND, events / (nanos / 1e9));
        }

        public void bytes(String name, long bytes) {
            add(name, Unit.BYTES, bytes);
        }

        public void bytesPerEvent(String name, long bytes, long events) {
            add(name, Unit.BYTES_PER_EVENT, (double) bytes / events);
        }

        private void add(String name, Unit unit, double value) {
            samples.computeIfAbsent(new Figure(engine, name, unit), figure -> new ArrayList<>()).add(value);
        }
    }
}
