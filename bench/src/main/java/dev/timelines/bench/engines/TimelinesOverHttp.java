package dev.timelines.bench.engines;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.bench.workload.Dataset;
import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Span;
import dev.timelines.bootstrap.ServiceProcess;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Timelines as users run it: the packaged service in a child JVM with the durable journal (fsync=always unless told).
 * Loading ingests NDJSON batches through {@code POST /events} from concurrent senders, measures the journal on
 * disk, then restarts the service and measures the time until it is ready again with the journal replayed; the
 * questions go to the restarted service, so they also check that replay gives the same answers. The senders meet
 * once, when each has had its bodies before the cut line acknowledged: that moment is the {@code asOf} asked about.
 */
public final class TimelinesOverHttp implements Engine {

    /**
     * Where the service and its working files are, and how it is fed.
     *
     * @param options further JVM options of the service (a flight recording of its questions, say)
     */
    public record Setup(Path jar, String heap, String fsync, List<String> options, Path workDir) {
    }

    private static final String STATUS = "attribute=" + Parameters.ATTRIBUTE;
    private static final int PAGE = 10_000;
    private static final String NDJSON = "application/x-ndjson";
    /** A restart before snapshots replayed 10M events in about a minute: room for larger stores and slow disks. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Setup setup;
    private final NdjsonBatches batches;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path journal;
    private ServiceProcess service;
    /** The moment every body before the cut line had been acknowledged, and none after it sent. */
    private volatile Timestamp asOf;

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
        long accepted = ingest();
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

    private long ingest() throws Exception {
        int count = batches.bySender().size();
        ExecutorService senders = Executors.newFixedThreadPool(count);
        CyclicBarrier cut = new CyclicBarrier(count, () -> asOf = TimelinesInProcess.acknowledged(Clock.systemUTC()));
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                List<byte[]> bodies = batches.bySender().get(s);
                int beforeCut = batches.beforeCut().get(s);
                sent.add(senders.submit(() -> {
                    try {
                        long accepted = send(bodies.subList(0, beforeCut));
                        cut.await();
                        return accepted + send(bodies.subList(beforeCut, bodies.size()));
                    } catch (Exception e) {
                        cut.reset();
                        throw e;
                    }
                }));
            }
            long accepted = 0;
            for (Future<Long> sender : sent) {
                accepted += sender.get();
            }
            return accepted;
        } finally {
            senders.shutdownNow();
        }
    }

    private long send(List<byte[]> bodies) throws IOException, InterruptedException {
        long accepted = 0;
        for (byte[] body : bodies) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(service.uri("/events"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            accepted += json(reply, "POST /events").get("accepted").asLong();
        }
        return accepted;
    }

    /** The loaded service's address, for a client of its own (the web page's timing, WebPageMain). */
    public URI uri(String pathAndQuery) {
        return service.uri(pathAndQuery);
    }

    @Override
    public Answer changes(String key) throws IOException, InterruptedException {
        String path = "/timelines/" + encode(key) + "/history?" + STATUS + "&mode=changes&format=pairs";
        Answer.Builder answer = Answer.inOrder();
        for (JsonNode pair : get(path)) {
            answer.point(micros(pair.get(0)), pair.get(1).asText());
        }
        return answer.build();
    }

    @Override
    public Answer transitions(String from, String to, Span window) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = pages("/transitions?" + STATUS + "&from=" + encode(from) + "&to=" + encode(to)
                + window(window), item -> answer.transition(micros(item.get("at")), item.get("timeline").asText(),
                        item.get("from").asText(), item.get("to").asText(), micros(item.get("duration"))));
        return served ? answer.build() : notServed("/transitions");
    }

    @Override
    public Answer next(String value, Span window) throws IOException, InterruptedException {
        Optional<JsonNode> next = crossTimeline("/transitions/next?" + STATUS + "&value=" + encode(value)
                + window(window));
        return next.map(TimelinesOverHttp::next).orElseGet(() -> notServed("/transitions/next"));
    }

    private static Answer next(JsonNode next) {
        Answer.Builder answer = Answer.anyOrder().entries(next.get("entries").asLong()).none(next.get("none").asLong());
        for (JsonNode neighbour : next.get("next")) {
            answer.next(neighbour.get("value").asText(), neighbour.get("count").asLong(),
                    micros(neighbour.get("duration").get("p50")));
        }
        return answer.build();
    }

    @Override
    public Answer processMap(Span window) throws IOException, InterruptedException {
        Optional<JsonNode> map = crossTimeline("/transitions/summary?" + STATUS + window(window));
        if (map.isEmpty()) {
            return notServed("/transitions/summary");
        }
        Answer.Builder answer = Answer.anyOrder();
        for (JsonNode pair : map.get().get("pairs")) {
            answer.pair(pair.get("from").asText(), pair.get("to").asText(), pair.get("count").asLong(),
                    micros(pair.get("duration").get("p50")));
        }
        for (JsonNode entry : map.get().get("entries")) {
            answer.entry(entry.get("to").asText(), entry.get("count").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer statesAt(long atMicros) throws IOException, InterruptedException {
        return states("/states?" + STATUS + "&at=" + Span.seconds(atMicros));
    }

    private Answer states(String path) throws IOException, InterruptedException {
        Optional<JsonNode> states = crossTimeline(path);
        if (states.isEmpty()) {
            return notServed("/states");
        }
        Answer.Builder answer = Answer.anyOrder().timelines(states.get().get("timelines").asLong());
        for (JsonNode count : states.get().get("counts")) {
            answer.state(count.get("value").asText(), count.get("count").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer inStateAt(String value, long atMicros) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = lines("/timelines?" + STATUS + "&value=" + encode(value) + "&at=" + Span.seconds(atMicros),
                key -> answer.timeline(key.asText()));
        return served ? answer.build() : notServed("/timelines?value&at");
    }

    @Override
    public Answer timeInStates(Span window) throws IOException, InterruptedException {
        Optional<JsonNode> durations = crossTimeline("/states/durations?" + STATUS + window(window));
        if (durations.isEmpty()) {
            return notServed("/states/durations");
        }
        Answer.Builder answer = Answer.anyOrder();
        for (JsonNode item : durations.get().get("items")) {
            answer.timeIn(item.get("value").asText(), micros(item.get("seconds")), item.get("timelines").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer stuck(String value, long longerThanMicros, long atMicros) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = lines("/states/stuck?" + STATUS + "&value=" + encode(value) + "&longerThan="
                + Span.seconds(longerThanMicros) + "&at=" + Span.seconds(atMicros), item -> answer.stuck(
                        item.get("timeline").asText(), micros(item.get("since")), micros(item.get("seconds"))));
        return served ? answer.build() : notServed("/states/stuck");
    }

    @Override
    public Answer ages(long atMicros) throws IOException, InterruptedException {
        Optional<JsonNode> states = crossTimeline("/states?" + STATUS + "&at=" + Span.seconds(atMicros)
                + "&ages=true");
        if (states.isEmpty()) {
            return notServed("/states?ages=true");
        }
        Answer.Builder answer = Answer.anyOrder().timelines(states.get().get("timelines").asLong());
        for (JsonNode count : states.get().get("counts")) {
            JsonNode age = count.get("age");
            answer.age(count.get("value").asText(), count.get("count").asLong(), micros(age.get("min")),
                    micros(age.get("p50")), micros(age.get("p90")), micros(age.get("p99")), micros(age.get("max")));
        }
        return answer.build();
    }

    @Override
    public Answer nextWhere(String value, Span window, String attribute, String condition)
            throws IOException, InterruptedException {
        String where = JSON.writeValueAsString(Map.of(attribute, condition));
        Optional<JsonNode> next = crossTimeline("/transitions/next?" + STATUS + "&value=" + encode(value)
                + window(window) + "&where=" + encode(where));
        return next.map(TimelinesOverHttp::next).orElseGet(() -> notServed("/transitions/next?where"));
    }

    @Override
    public Answer funnel(List<String> steps, long withinMicros, Span window) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/funnels?" + STATUS);
        steps.forEach(step -> path.append("&step=").append(encode(step)));
        Optional<JsonNode> funnel = crossTimeline(path + "&within=" + Span.seconds(withinMicros) + window(window));
        if (funnel.isEmpty()) {
            return notServed("/funnels");
        }
        Answer.Builder answer = Answer.inOrder();
        int index = 1;
        for (JsonNode step : funnel.get().get("steps")) {
            JsonNode duration = step.get("duration");
            Optional<Long> median = duration == null || duration.isNull() ? Optional.empty()
                    : Optional.of(micros(duration.get("p50")));
            answer.step(index++, step.get("value").asText(), step.get("timelines").asLong(), median);
        }
        return answer.build();
    }

    @Override
    public Answer statesAsOf(long atMicros) throws IOException, InterruptedException {
        return states("/states?" + STATUS + "&at=" + Span.seconds(atMicros) + "&asOf=" + Span.seconds(asOf.micros()));
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

    /** Follows a paged list to its end; false when the service does not serve it. */
    private boolean pages(String first, Consumer<JsonNode> item) throws IOException, InterruptedException {
        String cursor = null;
        do {
            Optional<JsonNode> page = crossTimeline(first + "&limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (page.isEmpty()) {
                return false;
            }
            page.get().get("items").forEach(item);
            JsonNode next = page.get().get("next");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return true;
    }

    /**
     * A whole list in one reply, as a user who wants all of it asks: NDJSON ({@code Accept: application/x-ndjson}),
     * one value per line; false when the service does not serve it (404, or 406 for a build without the form).
     */
    private boolean lines(String path, Consumer<JsonNode> item) throws IOException, InterruptedException {
        HttpResponse<InputStream> reply = client.send(HttpRequest.newBuilder(service.uri(path))
                .header("Accept", NDJSON).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = reply.body()) {
            if (reply.statusCode() == 404 || reply.statusCode() == 406) {
                return false;
            }
            if (reply.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + reply.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(body)) {
                values.forEachRemaining(item);
            }
        }
        return true;
    }

    /**
     * A question across timelines; empty when the service answers 404, which the API never gives for these
     * routes, so it means this build of the service does not have them yet.
     */
    private Optional<JsonNode> crossTimeline(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(service.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() == 404 ? Optional.empty() : Optional.of(json(reply, "GET " + path));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json(client.send(HttpRequest.newBuilder(service.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString()), "GET " + path);
    }

    private static JsonNode json(HttpResponse<String> reply, String request) throws IOException {
        if (reply.statusCode() != 200) {
            throw new IOException(request + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    private static Answer notServed(String route) {
        return Answer.unavailable("the service answers 404 for " + route + ": not served by this build");
    }

    private static String window(Span window) {
        return "&since=" + Span.seconds(window.sinceMicros()) + "&until=" + Span.seconds(window.untilMicros());
    }

    /** Seconds as the API writes them (a JSON number, up to 6 fraction digits) to microseconds. */
    private static long micros(JsonNode seconds) {
        return seconds.decimalValue().movePointRight(6).longValueExact();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
