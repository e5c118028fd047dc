package dev.timelines.bench;

import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.engines.DuckDb;
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
import java.util.stream.Stream;

/**
 * The engines of a run in the order they run, one at a time so that they never compete for the two cores or
 * the memory. An engine that cannot run here is listed with the reason, and the report says so.
 */
final class EngineCatalogue {

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
            return name.toLowerCase(Locale.ROOT).replace(' ', '-');
        }
    }

    private EngineCatalogue() {
    }

    static List<Slot> of(Options options, Dataset dataset) {
        List<Slot> slots = new ArrayList<>();
        slots.add(Slot.running("Timelines in-process", true, () -> new TimelinesInProcess(options.batchSize())));
        slots.add(overHttp(options, dataset));
        slots.add(Slot.running("DuckDB on the fly", false, () -> new DuckDb(DuckDb.Mode.ON_THE_FLY)));
        slots.add(Slot.running("DuckDB precomputed", false, () -> new DuckDb(DuckDb.Mode.PRECOMPUTED)));
        // Extension point: a PostgreSQL peer is an Engine running DuckDbSql's derivation in PostgreSQL's dialect
        // (on the fly, and with a materialised transitions table), against a server the run starts itself.
        slots.add(Slot.skipped("PostgreSQL", "not measured yet: needs a PostgreSQL server started by the run "
                + "and an Engine in PostgreSQL's dialect (the PostgreSQL issue adds both)"));
        return slots.stream().filter(slot -> slot.skipped().isPresent() || options.runs(slot.option())).toList();
    }

    private static Slot overHttp(Options options, Dataset dataset) {
        String name = "Timelines HTTP";
        if (!Files.isRegularFile(options.serviceApp().resolve("quarkus-run.jar"))) {
            return Slot.skipped(name, "no packaged service at " + options.serviceApp() + "/quarkus-run.jar; "
                    + "build it with `mvn -B -q -pl bootstrap -am package -DskipTests`");
        }
        return Slot.running(name, true, new ServiceFactory(options, dataset));
    }

    /**
     * Prepares the service once, at the first load: copies it into the work directory, so that a rebuild of
     * bootstrap during the run cannot change it between load repetitions, and cuts the NDJSON into request bodies.
     */
    private static final class ServiceFactory implements Factory {

        private final Options options;
        private final Dataset dataset;
        private TimelinesOverHttp.Setup setup;
        private NdjsonBatches batches;

        ServiceFactory(Options options, Dataset dataset) {
            this.options = options;
            this.dataset = dataset;
        }

        @Override
        public Engine create() throws IOException {
            if (setup == null) {
                Path app = options.workDir().resolve("service");
                copy(options.serviceApp(), app);
                setup = new TimelinesOverHttp.Setup(app.resolve("quarkus-run.jar"), options.serviceHeap(),
                        options.fsync(), options.workDir().resolve("http"));
                batches = NdjsonBatches.split(dataset.file(), options.senders(), options.batchSize());
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
