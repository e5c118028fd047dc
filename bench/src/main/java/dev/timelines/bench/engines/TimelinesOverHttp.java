package dev.timelines.bench.engines;

import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.workload.Dataset;
import dev.timelines.bootstrap.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Timelines as users run it: the packaged service in a child JVM with the durable journal (fsync=always unless told).
 * Loading ingests NDJSON batches through {@code POST /events} from concurrent senders, measures the journal on
 * disk, then restarts the service and measures the time until it is ready again with the journal replayed; the
 * questions go to the restarted service, so they also check that replay gives the same answers. The senders meet
 * once, when each has had its bodies before the cut line acknowledged: that moment is the {@code asOf} asked about.
 */
public final class TimelinesOverHttp extends HttpService {

    /**
     * Where the service and its working files are, and how it is fed.
     *
     * @param options further JVM options of the service (a flight recording of its questions, say)
     */
    public record Setup(Path jar, String heap, String fsync, List<String> options, Path workDir) {
    }

    /** A restart before snapshots replayed 10M events in about a minute: room for larger stores and slow disks. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Setup setup;
    private final NdjsonBatches batches;
    private Path journal;
    private ServiceProcess service;

    public TimelinesOverHttp(Setup setup, NdjsonBatches batches) {
        this.setup = setup;
        this.batches = batches;
    }

    /** The cut is the batches' own ({@link NdjsonBatches}): they were split at the same {@code asOfRows}. */
    @Override
    public void load(Dataset dataset, long asOfRows, Figures.Recorder figures) throws Exception {
        Files.createDirectories(setup.workDir());
        journal = Files.createTempDirectory(setup.workDir(), "journal-");
        Path log = setup.workDir().resolve("service.log");
        service = startService(log);
        // Asked before ingest, so that ingest pays for keeping the status index current, as in production.
        crossTimeline("/states?" + STATUS + "&at=0");

        long started = System.nanoTime();
        long accepted = ingest(batches);
        figures.throughput("ingest over HTTP, NDJSON, journal fsync=" + setup.fsync(), dataset.events(),
                System.nanoTime() - started);
        if (accepted != dataset.events()) {
            throw new IllegalStateException("the service accepted " + accepted + " of " + dataset.events() + " events");
        }
        service.close();
        // The service writes a snapshot of its memory at shutdown: derived data, reported apart from the journal.
        Path snapshot = journal.resolve("snapshot.bin");
        long snapshotBytes = Files.exists(snapshot) ? Files.size(snapshot) : 0;
        long journalBytes = directorySize(journal) - snapshotBytes;
        figures.bytes("journal on disk", journalBytes);
        figures.bytesPerEvent("journal on disk per event", journalBytes, dataset.events());
        figures.bytes("snapshot on disk, written at shutdown", snapshotBytes);

        long restarting = System.nanoTime();
        service = startService(log);
        figures.duration("restart until ready: snapshot loaded, journal after it replayed",
                System.nanoTime() - restarting);
        // Indexes are not in the snapshot: the first question about status after a start builds its index. Asked
        // here, so that its cost is reported as such rather than cutting the first measured question's warm-up.
        long indexing = System.nanoTime();
        crossTimeline("/states?" + STATUS + "&at=0");
        figures.duration("first question after restart, building the status index", System.nanoTime() - indexing);
    }

    /** Starts the service on this load's journal; a start replays it first, which the figures measure. */
    private ServiceProcess startService(Path log) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Xmx" + setup.heap(),
                "-Dtimelines.journal.fsync=" + setup.fsync()));
        options.addAll(setup.options());
        return ServiceProcess.start(setup.jar(), journal, log, START_TIMEOUT, options.toArray(String[]::new));
    }

    @Override
    public URI uri(String pathAndQuery) {
        return service.uri(pathAndQuery);
    }

    @Override
    protected URI ingestUri(int sender, int body) {
        return service.uri("/events");
    }

    @Override
    public void close() throws Exception {
        if (service != null) {
            service.close();
        }
        if (journal != null) {
            try (Stream<Path> files = Files.walk(journal)) {
                files.sorted(Comparator.reverseOrder()).forEach(TimelinesOverHttp::delete);
            }
        }
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
