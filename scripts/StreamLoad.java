import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transitions stream under load (docs/benchmarks.md, "Live transitions"), against a running service: ingest
 * throughput without stream clients, then with {@code clients} clients of {@code /transitions/stream} and one client
 * that never reads; the delay from an ingest reply to the message on every client; whether the stalled client was
 * dropped while the others got everything. JDK only, so it runs as a single file:
 * {@code java scripts/StreamLoad.java http://localhost:8080 100 30}, or through
 * {@code STREAM_CLIENTS=100 scripts/load-test.sh}.
 */
final class StreamLoad {

    private static final List<String> VALUES = List.of("created", "paid", "on_hold", "shipped", "cancelled");
    private static final String FILTER = "attribute=status&from=paid&to=on_hold";
    private static final int WRITERS = 4;
    private static final int BATCH = 500;
    private static final int KEYS = 20_000;
    private static final long PROBE_MILLIS = 100;

    private final String base;
    /** Names this run's timelines apart from an earlier run's on the same store. */
    private final long run = System.currentTimeMillis();
    /** HTTP/1.1: a connection per stream, as 100 separate clients would have, not 100 streams on one HTTP/2 one. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong clock = new AtomicLong(1_700_000_000L);
    /** When each probe's reply came back, by its timestamp. */
    private final Map<Long, Long> probeReplies = new ConcurrentHashMap<>();
    /** When each probe's message reached a client, by the probe's timestamp: it may come before the reply. */
    private final Map<Long, Queue<Long>> arrivals = new ConcurrentHashMap<>();

    private StreamLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        new StreamLoad(base).run(clients, seconds);
    }

    private void run(int clients, int seconds) throws Exception {
        // Both paths warm up (the JIT compiles the stream's code too), then the clients go for the run without them.
        List<InputStream> warming = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            warming.add(reader());
        }
        System.out.printf("warm-up with %d stream clients: %.0f events/s%n", clients, ingest(10, "warm"));
        for (InputStream stream : warming) {
            stream.close();
        }
        Thread.sleep(2000);
        double without = ingest(seconds, "alone");
        System.out.printf("ingest without stream clients: %.0f events/s%n", without);

        for (int i = 0; i < clients; i++) {
            reader();
        }
        double droppedBefore = metric("timelines_streams_dropped_total");
        Socket stalled = stalledClient();
        Thread.sleep(1000);
        double openStreams = metric("timelines_streams_open");

        Thread prober = new Thread(this::probe);
        prober.setDaemon(true);
        prober.start();
        double with = ingest(seconds, "streamed");
        prober.interrupt();
        prober.join();
        // Lagging clients catch up: wait until every client has every probe, or 15 s.
        long caughtUp = System.nanoTime() + 15_000_000_000L;
        while (received() < (long) probeReplies.size() * clients && System.nanoTime() < caughtUp) {
            Thread.sleep(100);
        }
        System.out.printf("ingest with %d stream clients (+1 stalled): %.0f events/s (%.1f %% of without)%n",
                clients, with, 100 * with / without);
        System.out.printf("streams open during the run: %.0f%n", openStreams);
        List<Long> sorted = new ArrayList<>();
        probeReplies.forEach((at, reply) -> arrivals.getOrDefault(at, new ConcurrentLinkedQueue<>())
                .forEach(arrival -> sorted.add(Math.max(0, arrival - reply))));
        Collections.sort(sorted);
        long expected = (long) probeReplies.size() * clients;
        System.out.printf("probe messages received: %d of %d; delay reply -> message: p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms%n", sorted.size(), expected, percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf("clients dropped: %.0f (the stalled one); messages sent: %.0f%n",
                metric("timelines_streams_dropped_total") - droppedBefore, metric("timelines_streams_messages_total"));
        stalled.close();
        System.exit(0);
    }

    /** Writers post batches of status changes to random timelines as fast as replies come; events per second. */
    private double ingest(int seconds, String prefix) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(w);
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder();
                    for (int i = 0; i < BATCH; i++) {
                        body.append("{\"timeline\":\"").append(prefix).append('-').append(run).append('-').append(random.nextInt(KEYS))
                                .append("\",\"timestamp\":").append(clock.incrementAndGet())
                                .append(",\"data\":{\"status\":\"").append(VALUES.get(random.nextInt(VALUES.size())))
                                .append("\"}}\n");
                    }
                    post(body.toString());
                    accepted.addAndGet(BATCH);
                }
            });
            writer.start();
            writers.add(writer);
        }
        long started = System.nanoTime();
        for (Thread writer : writers) {
            writer.join();
        }
        return accepted.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Every 100 ms a probe timeline goes paid -> on_hold; the reply's arrival is noted by the change's time. */
    private void probe() {
        long n = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long at = 2_000_000_000L + 10 * n;
            String key = "probe-" + run + "-" + n++;
            post("{\"timeline\":\"" + key + "\",\"timestamp\":" + (at - 1) + ",\"data\":{\"status\":\"paid\"}}\n"
                    + "{\"timeline\":\"" + key + "\",\"timestamp\":" + at + ",\"data\":{\"status\":\"on_hold\"}}\n");
            probeReplies.put(at, System.nanoTime());
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void post(String ndjson) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern PROBE_AT = Pattern.compile("\"timeline\":\"probe-\\d+-\\d+\",\"at\":(\\d+)");

    /** A client that reads the stream and notes when each probe's transition arrives; closing its body ends it. */
    private InputStream reader() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(base + "/transitions/stream?" + FILTER)).build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    // Most lines are other transitions: a prefix test keeps the reader cheap, the regex reads a probe.
                    if (!line.startsWith("data:{\"timeline\":\"probe-")) {
                        continue;
                    }
                    Matcher probe = PROBE_AT.matcher(line);
                    if (probe.find()) {
                        arrivals.computeIfAbsent(Long.parseLong(probe.group(1)), at -> new ConcurrentLinkedQueue<>())
                                .add(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                // the run is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return response.body();
    }

    /** A client of every transition that sends its request and never reads a byte. */
    private Socket stalledClient() throws IOException {
        URI uri = URI.create(base);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /transitions/stream?attribute=status&entries=true HTTP/1.1\r\nHost: " + uri.getHost()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private double metric(String series) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** Probe messages received, of the probes whose reply came. */
    private long received() {
        return probeReplies.keySet().stream().mapToLong(at -> arrivals.getOrDefault(at, new ConcurrentLinkedQueue<>())
                .size()).sum();
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
