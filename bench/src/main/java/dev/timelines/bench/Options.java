package dev.timelines.bench;

import dev.timelines.bench.measure.Schedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line of a run. Every option has a default, so {@code --scale small} alone is a complete run.
 *
 * @param engines names of the engines to run (all when empty), for a quick look at one of them
 */
record Options(Scale scale, long seed, Schedule schedule, int loadRepetitions, int batchSize,
        int senders, Path serviceApp, String serviceHeap, String fsync, List<String> serviceOptions, Path workDir,
        Path docs, Set<String> engines, List<String> arguments) {

    static final String USAGE = """
            usage: java -Xmx8g -jar bench/target/timelines-bench.jar [options]
              --scale tiny|small|large   data size: 50k/1k, 1M/20k, 10M/200k events/timelines (tiny)
              --seed N                   generator seed (42)
              --warmups N                unmeasured runs of each question, at least (3)
              --warmup-seconds S         unmeasured time per question, at least (5)
              --repetitions N            measured runs of each question, at most (10)
              --question-budget S        no further run of a question starts after S seconds on it,
                                         once it has had one warm-up and one measured run (60)
              --load-repetitions N       loads of each engine into a fresh instance (3)
              --batch N                  events per ingest batch and HTTP request (10000)
              --senders N                concurrent HTTP senders (2)
              --service-app DIR          the packaged service (bootstrap/target/quarkus-app)
              --service-heap SIZE        -Xmx of the service (4g)
              --fsync MODE               the service's timelines.journal.fsync: always or a duration (always)
              --service-option OPTION    one more JVM option for the service, e.g. a flight recording;
                                         repeatable (none)
              --work DIR                 data, logs and answers (bench/target/run)
              --docs FILE                markdown file whose results section is replaced (docs/benchmarks.md)
              --engines a,b              only these of timelines-in-process, timelines-http,
                                         timelines-on-postgresql, duckdb-on-the-fly, duckdb-precomputed,
                                         postgresql-on-the-fly, postgresql-precomputed (all; at large,
                                         timelines-on-postgresql only when named)
            """;

    static Options parse(String[] args) {
        Scale scale = Scale.TINY;
        long seed = 42;
        int warmups = 3;
        int warmupSeconds = 5;
        int repetitions = 10;
        int budgetSeconds = 60;
        int loadRepetitions = 3;
        int batchSize = 10_000;
        int senders = 2;
        Path serviceApp = Path.of("bootstrap/target/quarkus-app");
        String serviceHeap = "4g";
        String fsync = "always";
        List<String> serviceOptions = new ArrayList<>();
        Path workDir = Path.of("bench/target/run");
        Path docs = Path.of("docs/benchmarks.md");
        Set<String> engines = Set.of();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--scale" -> scale = Scale.valueOf(value.toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmups" -> warmups = atLeast(1, args[i], value);
                case "--warmup-seconds" -> warmupSeconds = atLeast(0, args[i], value);
                case "--repetitions" -> repetitions = atLeast(1, args[i], value);
                case "--question-budget" -> budgetSeconds = atLeast(1, args[i], value);
                case "--load-repetitions" -> loadRepetitions = atLeast(1, args[i], value);
                case "--batch" -> batchSize = atLeast(1, args[i], value);
                case "--senders" -> senders = atLeast(1, args[i], value);
                case "--service-app" -> serviceApp = Path.of(value);
                case "--service-heap" -> serviceHeap = value;
                case "--fsync" -> fsync = value;
                case "--service-option" -> serviceOptions.add(value);
                case "--work" -> workDir = Path.of(value);
                case "--docs" -> docs = Path.of(value);
                case "--engines" -> engines = Arrays.stream(value.split(",")).map(String::trim)
                        .collect(Collectors.toSet());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Schedule schedule = new Schedule(warmups, Duration.ofSeconds(warmupSeconds), repetitions,
                Duration.ofSeconds(budgetSeconds));
        return new Options(scale, seed, schedule, loadRepetitions, batchSize, senders, serviceApp,
                serviceHeap, fsync, List.copyOf(serviceOptions), workDir, docs, engines, List.of(args));
    }

    boolean runs(String engine) {
        return engines.isEmpty() || engines.contains(engine);
    }

    private static int atLeast(int least, String option, String value) {
        int number = Integer.parseInt(value);
        if (number < least) {
            throw new IllegalArgumentException(option + " must be at least " + least);
        }
        return number;
    }
}
