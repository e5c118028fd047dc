package dev.timelines.bench;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.engines.DuckDb;
import dev.timelines.bench.engines.MemoryStorage;
import dev.timelines.bench.engines.PostgresPeer;
import dev.timelines.bench.engines.PostgresServer;
import dev.timelines.bench.engines.PostgresStorage;
import dev.timelines.bench.engines.SqlPeer;
import dev.timelines.bench.engines.Engine;
import dev.timelines.bench.engines.NdjsonBatches;
import dev.timelines.bench.engines.TimelinesInProcess;
import dev.timelines.bench.engines.TimelinesOverHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The engines of a run in the order they run, one at a time so that they never compete for the two cores or
 * the memory, and the PostgreSQL server they share when one of them needs it. An engine that cannot run here is
 * listed with the reason, and the report says so.
 */
record EngineCatalogue(List<Slot> slots, Optional<PostgresServer> postgres) {

    private static final String ON_POSTGRES = "Timelines on PostgreSQL";
    private static final String POSTGRES_ON_THE_FLY = "PostgreSQL on the fly";
    private static final String POSTGRES_PRECOMPUTED = "PostgreSQL precomputed";
    /** Why Timelines on PostgreSQL runs at scale large only on request: its loads alone would take an hour. */
    private static final String SLOW_INGEST = "left out at scale large unless --engines names it: the PostgreSQL "
            + "adapter ingests about 10,000 events/s, some 20 minutes per load of 10M (docs/benchmarks.md, Run it)";

    /** Makes a fresh engine; each load repetition gets its own. */
    interface Factory {
        Engine create() throws Exception;
    }

    /**
     * One engine of the run.
     *
     * @param timelines whether this is Timelines (compared against every peer) or a peer
     * @param skipped why the engine does not run, when it does not
     */
    record Slot(String name, boolean timelines, Optional<Factory> factory, Optional<String> skipped) {

        static Slot running(String name, boolean timelines, Factory factory) {
            return new Slot(name, timelines, Optional.of(factory), Optional.empty());
        }

        static Slot skipped(String name, String reason) {
            return new Slot(name, false, Optional.empty(), Optional.of(reason));
        }

        /** The name as {@code --engines} takes it. */
        String option() {
            return option(name);
        }

        static String option(String name) {
            return name.toLowerCase(Locale.ROOT).replace(' ', '-');
        }
    }

    static EngineCatalogue of(Options options, Dataset dataset, long asOfRows) {
        Optional<PostgresServer> postgres = Optional.empty();
        String noPostgres = "";
        if (Stream.of(ON_POSTGRES, POSTGRES_ON_THE_FLY, POSTGRES_PRECOMPUTED).map(Slot::option)
                .anyMatch(options::runs)) {
            try {
                postgres = Optional.of(PostgresServer.start());
            } catch (Exception | LinkageError e) {
                noPostgres = "the embedded PostgreSQL server did not start: " + e;
            }
        }
        List<Slot> slots = new ArrayList<>();
        slots.add(Slot.running("Timelines in-process", true,
                () -> new TimelinesInProcess(options.batchSize(), new MemoryStorage())));
        slots.add(overHttp(options, dataset, asOfRows));
        slots.add(options.scale() != Scale.LARGE || options.engines().contains(Slot.option(ON_POSTGRES))
                ? onPostgres(ON_POSTGRES, true, postgres, noPostgres,
                        server -> new TimelinesInProcess(options.batchSize(), new PostgresStorage(server)))
                : Slot.skipped(ON_POSTGRES, SLOW_INGEST));
        slots.add(Slot.running("DuckDB on the fly", false, () -> new DuckDb(SqlPeer.Mode.ON_THE_FLY)));
        slots.add(Slot.running("DuckDB precomputed", false, () -> new DuckDb(SqlPeer.Mode.PRECOMPUTED)));
        slots.add(onPostgres(POSTGRES_ON_THE_FLY, false, postgres, noPostgres,
                server -> new PostgresPeer(SqlPeer.Mode.ON_THE_FLY, server)));
        slots.add(onPostgres(POSTGRES_PRECOMPUTED, false, postgres, noPostgres,
                server -> new PostgresPeer(SqlPeer.Mode.PRECOMPUTED, server)));
        return new EngineCatalogue(slots.stream().filter(slot -> options.runs(slot.option())).toList(), postgres);
    }

    private static Slot onPostgres(String name, boolean timelines, Optional<PostgresServer> postgres,
            String noPostgres, Function<PostgresServer, Engine> engine) {
        return postgres.map(server -> Slot.running(name, timelines, () -> engine.apply(server)))
                .orElseGet(() -> Slot.skipped(name, noPostgres));
    }

    private static Slot overHttp(Options options, Dataset dataset, long asOfRows) {
        String name = "Timelines HTTP";
        if (!Files.isRegularFile(options.serviceApp().resolve("quarkus-run.jar"))) {
            return Slot.skipped(name, "no packaged service at " + options.serviceApp() + "/quarkus-run.jar; "
                    + "build it with `mvn -B -q -pl bootstrap -am package -DskipTests`");
        }
        return Slot.running(name, true, new ServiceFactory(options, dataset, asOfRows));
    }

    /**
     * Prepares the service once, at the first load: copies it into the work directory, so that a rebuild of
     * bootstrap during the run cannot change it between load repetitions, and cuts the NDJSON into request bodies
     * (ending at the {@code asOf} question's cut too).
     */
    private static final class ServiceFactory implements Factory {

        private final Options options;
        private final Dataset dataset;
        private final long asOfRows;
        private TimelinesOverHttp.Setup setup;
        private NdjsonBatches batches;

        ServiceFactory(Options options, Dataset dataset, long asOfRows) {
            this.options = options;
            this.dataset = dataset;
            this.asOfRows = asOfRows;
        }

        @Override
        public Engine create() throws IOException {
            if (setup == null) {
                Path app = options.workDir().resolve("service");
                copy(options.serviceApp(), app);
                setup = new TimelinesOverHttp.Setup(app.resolve("quarkus-run.jar"), options.serviceHeap(),
                        options.fsync(), options.serviceOptions(), options.workDir().resolve("http"));
                batches = NdjsonBatches.split(dataset.file(), options.senders(), options.batchSize(), asOfRows);
            }
            return new TimelinesOverHttp(setup, batches);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> run(() -> Files.delete(path)));
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> run(() -> Files.copy(source, to.resolve(from.relativize(source).toString()),
                    StandardCopyOption.COPY_ATTRIBUTES)));
        }
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private static void run(FileAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
