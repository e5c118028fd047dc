import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator for a running Timelines service (docs/benchmarks.md, Load test): requests start
 * at a constant rate whatever the service's answers do, and each one's latency counts from the moment it was
 * due, not from when it was sent, so a stalled service cannot hide its stall by slowing the generator down
 * (coordinated omission). JDK only, run as a single source file:
 *
 * <pre>java scripts/LoadTest.java --base http://127.0.0.1:8080 --rate 200 --duration 60</pre>
 *
 * The mix: half the requests ingest a batch of NDJSON events (POST /events) into a pool of timelines, the other
 * half ask the questions a dashboard asks (history, state, transitions, states). Not part of the build or CI.
 */
public final class LoadTest {

    private static final String[] STATUSES = {"created", "paid", "packed", "on_hold", "shipped", "delivered"};

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final int batch;
    private final int timelines;
    private final Duration timeout;
    private final SplittableRandom random = new SplittableRandom(42);
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    /** Event n goes to timeline n % timelines, so questions can ask about timelines known to exist. */
    private long nextEvent;
    private final AtomicLong acknowledgedEvents = new AtomicLong();

    private LoadTest(URI base, int batch, int timelines, Duration timeout) {
        this.base = base;
        this.batch = batch;
        this.timelines = timelines;
        this.timeout = timeout;
    }

    /** One finished request: its kind, how long it took from when it was due, and whether it was answered 2xx. */
    private record Outcome(String kind, long nanos, boolean ok, boolean measured) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8080"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        LoadTest test = new LoadTest(base, Integer.parseInt(options.getOrDefault("batch", "10")),
                Integer.parseInt(options.getOrDefault("timelines", "2000")), Duration.ofSeconds(10));
        System.out.printf("open model: %.0f requests/s for %d s after %d s of warm-up against %s%n", rate, seconds,
                warmup, base);
        test.run(rate, warmup, seconds);
    }

    private void run(double rate, int warmupSeconds, int seconds) throws InterruptedException {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long late = 0;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > TimeUnit.MILLISECONDS.toNanos(10)) {
                late++;
            }
            inFlight.add(send(due, due >= measureFrom));
            inFlight.removeIf(CompletableFuture::isDone);
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        report(seconds, late);
    }

    private CompletableFuture<?> send(long due, boolean measured) {
        int pick = random.nextInt(100);
        String kind;
        HttpRequest.Builder request;
        long eventsUpTo = nextEvent + (pick < 50 ? batch : 0);
        if (pick < 50) {
            kind = "ingest";
            request = HttpRequest.newBuilder(base.resolve("/events")).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(events()));
        } else {
            long known = Math.min(acknowledgedEvents.get(), timelines);
            String key = "order-" + (known == 0 ? 0 : random.nextLong(known));
            String path = pick < 70 ? "/timelines/" + key + "/history?attribute=status"
                    : pick < 80 ? "/timelines/" + key + "/state?attribute=status"
                    : pick < 90 ? "/transitions?attribute=status&from=paid&since=-1h&limit=100"
                    : "/states?attribute=status";
            kind = path.substring(0, path.indexOf('?')).replace(key, "{key}");
            request = HttpRequest.newBuilder(base.resolve(path)).GET();
        }
        return client.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    // A state question about a timeline that never had a state is a 404 by the API's design.
                    boolean ok = failure == null && (response.statusCode() / 100 == 2
                            || response.statusCode() == 404 && kind.endsWith("/state"));
                    if (ok && kind.equals("ingest")) {
                        acknowledgedEvents.accumulateAndGet(eventsUpTo, Math::max);
                    }
                    outcomes.add(new Outcome(kind, System.nanoTime() - due, ok, measured));
                    return null;
                });
    }

    /** A batch of events for the next timelines in turn, stamped now: most change the status, some carry none. */
    private String events() {
        StringBuilder lines = new StringBuilder();
        long now = System.currentTimeMillis();
        for (int i = 0; i < batch; i++) {
            long n = nextEvent++;
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String data = n % 4 == 3 ? "{\"note\": \"n" + n + "\"}"
                    : "{\"status\": \"" + status + "\", \"amount\": " + n % 997 + "}";
            lines.append("{\"timeline\": \"order-").append(n % timelines).append("\", \"timestamp\": ")
                    .append(now / 1000).append('.').append(String.format("%03d", now % 1000)).append(", \"id\": \"e")
                    .append(n).append("\", \"data\": ").append(data).append("}\n");
        }
        return lines.toString();
    }

    private void report(int seconds, long late) {
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.measured()) {
                byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(outcome);
                byKind.computeIfAbsent(outcome.kind(), k -> new ArrayList<>()).add(outcome);
            }
        }
        System.out.println();
        System.out.println("| requests | count | rate (/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        byKind.forEach((kind, list) -> {
            long[] nanos = list.stream().mapToLong(Outcome::nanos).sorted().toArray();
            long errors = list.stream().filter(outcome -> !outcome.ok()).count();
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d (%.2f%%) |%n", kind, nanos.length,
                    nanos.length / (double) seconds, millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, errors, 100.0 * errors / nanos.length);
        });
        if (late > 0) {
            System.out.printf("%nthe generator itself fell more than 10 ms behind schedule %d times%n", late);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
