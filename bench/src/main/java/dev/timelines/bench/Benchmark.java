package dev.timelines.bench;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.workload.OrderLifecycles;
import dev.timelines.bench.engines.DuckDb;
import dev.timelines.bench.engines.Engine;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.measure.Timed;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One run: generate the data, load it into each engine in turn and ask every question, compare the answers,
 * report. The docs are updated only when every engine agrees: the times of a wrong answer are worthless.
 */
final class Benchmark {

    private final Options options;

    Benchmark(Options options) {
        this.options = options;
    }

    /** Runs and reports; false when the engines disagree. */
    boolean run() throws Exception {
        String loadBefore = Machine.loadAverage();
        Dataset dataset = generate(options);
        Parameters parameters = Parameters.of(dataset);
        EngineCatalogue catalogue = EngineCatalogue.of(options, dataset, parameters.asOfRows());
        Figures figures = new Figures();
        Map<Question, Map<String, Timed>> results = new LinkedHashMap<>();
        for (Question question : Question.values()) {
            results.put(question, new LinkedHashMap<>());
        }
        for (EngineCatalogue.Slot slot : catalogue.slots()) {
            if (slot.skipped().isPresent()) {
                progress("%s skipped: %s", slot.name(), slot.skipped().get());
                continue;
            }
            try (Engine engine = loaded(slot, dataset, parameters.asOfRows(), figures.recorder(slot.name()))) {
                Map<Question, Callable<Answer>> questions = new LinkedHashMap<>();
                for (Question question : Question.values()) {
                    questions.put(question, () -> question.ask(engine, parameters));
                }
                progress("%s: warm-up, then measuring", slot.name());
                Timed.measure(options.schedule(), questions).forEach((question, timed) -> {
                    results.get(question).put(slot.name(), timed);
                    progress("%s: %s, %d warm-up runs, %s", slot.name(), question.title(), timed.warmups(),
                            timed.millis().map(ms -> String.format("%d measured, median %.3g ms", ms.samples(),
                                    ms.median())).orElse("not served"));
                });
            }
        }
        Agreement agreement = Agreement.of(results);
        writeAnswers(results);
        String report = Report.of(new Report.Run(options, dataset, parameters, Machine.current(), DuckDb.version(),
                catalogue.postgres(), loadBefore, catalogue.slots(), results, figures.stats(), agreement,
                Instant.now()));
        System.out.println();
        System.out.println(report);
        Path copy = options.workDir().resolve("benchmarks-" + options.scale().label() + ".md");
        Files.writeString(copy, report, StandardCharsets.UTF_8);
        if (!agreement.holds()) {
            System.err.println("ENGINES DISAGREE; " + options.docs() + " left unchanged; answers in "
                    + options.workDir().resolve("answers"));
            agreement.disagreements().forEach(System.err::println);
            return false;
        }
        DocsSection.replace(options.docs(), options.scale(), report);
        progress("report written to %s and %s", options.docs(), copy);
        return true;
    }

    /** The run's data, written afresh to the working directory. */
    static Dataset generate(Options options) throws IOException {
        Path file = options.workDir().resolve("data").resolve("orders-" + options.scale().label() + "-"
                + options.seed() + ".ndjson");
        progress("generating %s", file);
        return OrderLifecycles.generate(options.seed(), options.scale().events(), options.scale().timelines(), file);
    }

    /** Loads the engine {@code loadRepetitions} times, each into a fresh instance, and keeps the last one. */
    private Engine loaded(EngineCatalogue.Slot slot, Dataset dataset, long asOfRows, Figures.Recorder figures)
            throws Exception {
        Engine engine = null;
        for (int i = 1; i <= options.loadRepetitions(); i++) {
            if (engine != null) {
                engine.close();
                // Unreachable before the next load, so that a heap measurement does not count it.
                engine = null;
            }
            progress("%s: load %d of %d", slot.name(), i, options.loadRepetitions());
            engine = slot.factory().orElseThrow().create();
            engine.load(dataset, asOfRows, figures);
        }
        return engine;
    }

    /** Every answer's canonical rows, for inspecting a disagreement line by line. */
    private void writeAnswers(Map<Question, Map<String, Timed>> results) throws IOException {
        Path directory = options.workDir().resolve("answers");
        Files.createDirectories(directory);
        for (Map.Entry<Question, Map<String, Timed>> question : results.entrySet()) {
            for (Map.Entry<String, Timed> engine : question.getValue().entrySet()) {
                String name = question.getKey().name().toLowerCase() + "." + engine.getKey().replace(' ', '-')
                        + ".txt";
                Files.write(directory.resolve(name), engine.getValue().answer().lines(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void progress(String format, Object... arguments) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, arguments));
    }
}
