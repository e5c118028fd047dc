package dev.timelines.bench;

import dev.timelines.adapters.out.kafka.KafkaCluster;
import dev.timelines.bench.engines.NdjsonBatches;
import dev.timelines.bench.engines.TimelinesOnKafka;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.measure.Stats;
import dev.timelines.bench.measure.Timed;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Question;
import dev.timelines.bench.workload.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The cluster run of issue 17 (docs/benchmarks.md, "Cluster mode on Kafka"): the packaged service in cluster mode
 * with 1 node and with a group of 3, on a 3-broker Kafka cluster started by the run, all on this machine. Measures
 * the ingest rate of each, and every question's latency asked of the single node, of a member of the group, and, in
 * the same run, of a node owning every partition beside the group: the difference of the last two is the fan-out's
 * cost per question. The steady-state protocol of the other engines (warm-ups round the questions, then the median
 * of the measured runs), and every answer checked equal across the three. Takes the benchmark's options; writes its
 * report to the working directory.
 *
 * <pre>java -Xmx2g -cp bench/target/timelines-bench.jar dev.timelines.bench.ClusterMain --scale tiny</pre>
 */
public final class ClusterMain {

    /** Partitions of the topic: two per node of the group, so that each owns several. */
    private static final int PARTITIONS = 6;
    private static final int GROUP = 3;
    private static final String ONE = "1 node";
    private static final String MEMBER = GROUP + " nodes, asked of a member";
    private static final String WHOLE = GROUP + "-node run, asked of the node owning every partition";

    private ClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String loadBefore = Machine.loadAverage();
        Dataset dataset = Benchmark.generate(options);
        Parameters parameters = Parameters.of(dataset);
        NdjsonBatches batches = NdjsonBatches.split(dataset.file(), options.senders(), options.batchSize(),
                parameters.asOfRows());
        Figures figures = new Figures();
        Map<Question, Map<String, Timed>> results = new LinkedHashMap<>();
        progress("starting 3 Kafka brokers");
        try (KafkaCluster kafka = KafkaCluster.start(3)) {
            for (int nodes : List.of(1, GROUP)) {
                TimelinesOnKafka.Setup setup = new TimelinesOnKafka.Setup(
                        options.serviceApp().resolve("quarkus-run.jar"), options.serviceHeap(),
                        kafka.bootstrapServers(), PARTITIONS, nodes, options.workDir());
                try (TimelinesOnKafka cluster = new TimelinesOnKafka(setup, batches)) {
                    progress("%d node(s): starting, then ingesting %,d events", nodes, dataset.events());
                    cluster.load(dataset, parameters.asOfRows(), figures.recorder(nodes == 1 ? ONE : GROUP + " nodes"));
                    if (nodes == 1) {
                        measure(options, cluster, parameters, ONE, results);
                    } else {
                        measure(options, cluster, parameters, MEMBER, results);
                        cluster.askWhole();
                        measure(options, cluster, parameters, WHOLE, results);
                    }
                }
            }
        }
        Agreement agreement = Agreement.of(results);
        String report = report(options, dataset, figures, results, agreement, loadBefore);
        System.out.println(report);
        Path copy = options.workDir().resolve("cluster-" + options.scale().label() + ".md");
        Files.writeString(copy, report);
        if (!agreement.holds()) {
            System.err.println("ANSWERS DIFFER between the nodes");
            agreement.disagreements().forEach(System.err::println);
            System.exit(1);
        }
        progress("report written to %s", copy);
    }

    private static void measure(Options options, TimelinesOnKafka cluster, Parameters parameters, String column,
            Map<Question, Map<String, Timed>> results) throws Exception {
        progress("%s: warm-up, then measuring", column);
        Map<Question, Callable<Answer>> questions = new LinkedHashMap<>();
        for (Question question : Question.values()) {
            questions.put(question, () -> question.ask(cluster, parameters));
        }
        Timed.measure(options.schedule(), questions).forEach((question, timed) -> results
                .computeIfAbsent(question, asked -> new LinkedHashMap<>()).put(column, timed));
    }

    private static String report(Options options, Dataset dataset, Figures figures,
            Map<Question, Map<String, Timed>> results, Agreement agreement, String loadBefore) {
        Machine machine = Machine.current();
        StringBuilder text = new StringBuilder(String.format("""
                Scale %s (%,d events, %,d timelines); a topic of %d partitions, replication 3, on 3 KRaft brokers
                (256 MB heap each); services with -Xmx%s; %d HTTP senders of %,d events a request. Brokers, services and
                the harness all on one machine: %d cores (%s), %s; %s. Load average %s before the run, %s after it;
                %s. Every answer equal in the three columns: %s.

                command: `java %s -cp bench/target/timelines-bench.jar dev.timelines.bench.ClusterMain %s`

                | ingest | events/s |
                |---|---:|
                """, options.scale().label(), dataset.events(), dataset.timelines(), PARTITIONS,
                options.serviceHeap(), options.senders(), options.batchSize(), machine.cores(), machine.cpu(),
                machine.memory(), machine.jdk(), loadBefore, Machine.loadAverage(), Instant.now(),
                agreement.holds() ? "yes" : "NO", machine.jvmOptions(), String.join(" ", options.arguments())));
        figures.stats().forEach((figure, stats) -> text.append(String.format("| %s: %s | %,.0f |%n", figure.engine(),
                figure.name(), stats.median())));
        text.append(String.format("""

                Medians of the measured runs in milliseconds (min–max); the fan-out's cost is the median asked of a
                member less the median asked of the node owning every partition, in the same run. The answer's
                checksum is that of the main report's engines for the same scale and seed.

                | question | %s | %s | %s | fan-out's cost | answer |
                |---|---:|---:|---:|---:|---|
                """, ONE, MEMBER, WHOLE));
        results.forEach((question, columns) -> {
            Optional<Stats> member = millis(columns.get(MEMBER));
            Optional<Stats> whole = millis(columns.get(WHOLE));
            text.append(String.format("| %s | %s | %s | %s | %s | `%s` |%n", question.title(),
                    cell(columns.get(ONE)), cell(columns.get(MEMBER)), cell(columns.get(WHOLE)),
                    member.isPresent() && whole.isPresent()
                            ? String.format("%+.3g", member.get().median() - whole.get().median()) : "–",
                    columns.get(ONE).answer().checksum()));
        });
        return text.toString();
    }

    private static Optional<Stats> millis(Timed timed) {
        return timed == null ? Optional.empty() : timed.millis();
    }

    private static String cell(Timed timed) {
        return millis(timed).map(ms -> String.format("%.3g (%.3g–%.3g)", ms.median(), ms.min(), ms.max()))
                .orElse("not served");
    }

    private static void progress(String format, Object... arguments) {
        System.err.printf("[cluster %tT] %s%n", System.currentTimeMillis(), String.format(format, arguments));
    }
}
