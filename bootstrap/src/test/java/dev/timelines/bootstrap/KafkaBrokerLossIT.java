package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.timelines.adapters.out.kafka.KafkaCluster;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker of the test's 3-broker cluster killed with SIGKILL while clients write through three packaged services,
 * the nodes of one group: no acknowledged event is lost, none is stored twice, and nothing not sent is stored.
 * Three clients at once send requests spanning the topic's partitions (out-of-order timestamps, ids repeated within
 * and across requests) through the nodes in turn; once a third of the requests are acknowledged, the leader of a
 * partition just written is killed. A request refused meanwhile (a 5xx, or no reply in time) is sent again with the
 * same ids through the next node, as docs/api.md tells clients to. Each reply's {@code accepted} and
 * {@code duplicates} count exactly the request's events new to the store, or, for a request sent again, either those
 * (its refused attempt was not committed) or none (it was). Every node then holds every timeline as the clients'
 * first sending of each id made it, and lists no other key; the broker is started again.
 */
class KafkaBrokerLossIT {

    private static final Duration START = Duration.ofMinutes(2);
    private static final int CLIENTS = 3;
    private static final int REQUESTS_PER_CLIENT = 15;
    private static final int KEYS = 12;
    private static final long BASE = 1_700_000_000L;
    /** Longer than the service's own Kafka timeout (30 s), so that the service refuses first. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(40);
    private static final int ATTEMPTS = 20;
    private static final String POSITIONS = "Timelines-Positions";
    private static final Pattern COUNTS = Pattern.compile("\\{\"accepted\":(\\d+),\"duplicates\":(\\d+)}");
    /** An export line, the fields compared: timeline, id, timestamp and data ({@code seq}, {@code received} aside). */
    private static final Pattern EXPORTED = Pattern.compile(
            "\\{\"timeline\":\"([^\"]+)\",\"seq\":\\d+,\"received\":[0-9.]+,\"id\":\"([^\"]+)\","
                    + "\"timestamp\":(\\d+),\"data\":(\\{[^}]*})}");
    private static final String[] NODE_OPTIONS = {"-Xmx256m", "-Dtimelines.kafka.partitions=6",
        "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000", "-Dtimelines.kafka.part-timeout=2s",
        "-Dkafka.request.timeout.ms=2000", "-Dkafka.delivery.timeout.ms=3000"};

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger acknowledged = new AtomicInteger();
    /** The positions the latest acknowledged request wrote: which partitions are being written. */
    private final AtomicReference<String> lastPositions = new AtomicReference<>();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void noAcknowledgedEventIsLostOrDuplicatedWhenABrokerIsKilledDuringIngest(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        String topic = "broker-loss-it-" + UUID.randomUUID();
        KafkaCluster cluster = KafkaCluster.shared();
        List<ServiceProcess> nodes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            // One after the other: the first creates the topic and the group, the others join it.
            for (int n = 0; n < 3; n++) {
                nodes.add(ServiceProcess.startOnKafka(jar, cluster.bootstrapServers(), topic, topic,
                        dir.resolve("node" + n + ".log"), START, NODE_OPTIONS));
            }
            for (ServiceProcess node : nodes) {
                settled(node, "/timelines");
            }
            List<Future<Client>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(new Client(c, nodes)::run));
            }
            int total = CLIENTS * REQUESTS_PER_CLIENT;
            while (acknowledged.get() < total / 3 && running.stream().noneMatch(Future::isDone)) {
                Thread.sleep(5);
            }
            for (Future<Client> writer : running) {
                if (writer.isDone()) {
                    writer.get(); // a client failing before the kill fails the test with its own reason
                }
            }
            int killed = leaderOfAPartitionWritten(cluster.bootstrapServers(), topic);
            int beforeKill = acknowledged.get();
            long killedAt = System.nanoTime();
            cluster.kill(killed);
            try {
                List<Client> done = new ArrayList<>();
                for (Future<Client> writer : running) {
                    done.add(writer.get(5, TimeUnit.MINUTES));
                }
                assertTrue(beforeKill < total, "requests were written while the broker was down");
                System.out.printf("broker %d killed after %d of %d requests: %d attempts refused (%d events committed"
                        + " all the same), slowest request %d ms, last reply %d ms after the kill%n", killed + 1,
                        beforeKill, total, done.stream().mapToInt(writer -> writer.refused).sum(),
                        done.stream().mapToInt(writer -> writer.committedUnacknowledged).sum(),
                        done.stream().mapToLong(writer -> writer.slowestMillis).max().orElseThrow(),
                        (System.nanoTime() - killedAt) / 1_000_000);
                assertStoredOnce(nodes, done);
            } finally {
                cluster.restart(killed);
            }
        } finally {
            clients.shutdownNow();
            for (ServiceProcess node : nodes) {
                node.close();
            }
        }
    }

    /** The broker (its index in the cluster) leading the first partition the latest acknowledged request wrote. */
    private int leaderOfAPartitionWritten(String servers, String topic) throws Exception {
        int partition = Integer.parseInt(lastPositions.get().split("[=,]")[0]);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            return KafkaCluster.indexOf(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().get(partition).leader().id());
        }
    }

    /**
     * Every node lists exactly the keys written and holds each timeline's events as first sent: each id once, with
     * the timestamp and data of its first sending; the replies counted every event once.
     */
    private void assertStoredOnce(List<ServiceProcess> nodes, List<Client> done) throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        for (Client writer : done) {
            writer.firstSent.forEach((key, events) -> expected.computeIfAbsent(key, k -> new ArrayList<>())
                    .addAll(events.values()));
        }
        expected.values().forEach(events -> events.sort(null));
        int stored = expected.values().stream().mapToInt(List::size).sum();
        assertEquals(stored, done.stream().mapToInt(writer -> writer.accepted + writer.committedUnacknowledged).sum(),
                "every event stored was counted accepted once, by its request's reply or its refused attempt's");
        assertEquals(done.stream().mapToInt(writer -> writer.sent).sum(),
                done.stream().mapToInt(writer -> writer.accepted + writer.duplicates).sum(),
                "every event acknowledged is counted accepted or duplicate");
        String keys = expected.keySet().stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(","));
        for (ServiceProcess node : nodes) {
            HttpResponse<String> listed = settled(node, "/timelines?limit=1000");
            assertEquals(200, listed.statusCode(), listed.body());
            assertEquals("{\"items\":[" + keys + "],\"next\":null}", listed.body(), "the keys on " + node.base());
            for (Map.Entry<String, List<String>> timeline : expected.entrySet()) {
                assertEquals(timeline.getValue(), exported(node, timeline.getKey()),
                        timeline.getKey() + " on " + node.base());
            }
        }
    }

    /** A timeline's export asked of a node: its events as {@link Sent#line()}s, in order. */
    private List<String> exported(ServiceProcess node, String key) throws Exception {
        HttpResponse<String> reply = settled(node, "/timelines/" + key + "/events");
        assertEquals(200, reply.statusCode(), reply.body());
        List<String> events = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            Matcher event = EXPORTED.matcher(line);
            assertTrue(event.matches(), line);
            events.add(new Sent(event.group(1), event.group(2), Long.parseLong(event.group(3)), event.group(4))
                    .line());
        }
        events.sort(null);
        return events;
    }

    /** The node's first reply that is not a 503 (its partitions moving, should the group rebalance), within 1 min. */
    private HttpResponse<String> settled(ServiceProcess node, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(node.uri(path))
                    .header("Accept", path.endsWith("/events") ? "application/x-ndjson" : "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 503 || System.nanoTime() > deadline) {
                return reply;
            }
            Thread.sleep(200);
        }
    }

    /** An event as sent, and as compared with a node's export. */
    private record Sent(String timeline, String id, long timestamp, String data) {

        String json() {
            return "{\"timeline\":\"" + timeline + "\",\"id\":\"" + id + "\",\"timestamp\":" + timestamp
                    + ",\"data\":" + data + "}";
        }

        String line() {
            return timeline + " " + id + " " + timestamp + " " + data;
        }
    }

    /**
     * One client: its requests, one after the other, each through the next node; what the replies counted; and what
     * the store should hold of its events: the first sending of each id in each timeline. Its ids are its own.
     */
    private final class Client {
        private final int number;
        private final List<ServiceProcess> nodes;
        private final Random random;
        /** Per timeline, per id: the event as first sent. */
        private final Map<String, Map<String, String>> firstSent = new TreeMap<>();
        private final List<Sent> sentBefore = new ArrayList<>();
        private int next;
        private int sent;
        private int accepted;
        private int duplicates;
        /** Events accepted by a refused attempt that was committed all the same: its retry counted them duplicates. */
        private int committedUnacknowledged;
        private int refused;
        private long slowestMillis;

        Client(int number, List<ServiceProcess> nodes) {
            this.number = number;
            this.nodes = nodes;
            this.random = new Random(41 + number);
            this.next = number;
        }

        Client run() throws Exception {
            for (int request = 0; request < REQUESTS_PER_CLIENT; request++) {
                List<Sent> events = request(request);
                int fresh = 0;
                for (Sent event : events) {
                    if (firstSent.computeIfAbsent(event.timeline(), key -> new TreeMap<>())
                            .putIfAbsent(event.id(), event.line()) == null) {
                        fresh++;
                    }
                }
                sentBefore.addAll(events);
                send(events, fresh);
                acknowledged.incrementAndGet();
            }
            return this;
        }

        /**
         * 2 to 6 events on random keys (so spanning partitions), timestamps out of order; about one in four repeats
         * the id of an event sent before, in its timeline, with another timestamp and data (not stored: the first
         * sending is kept).
         */
        private List<Sent> request(int request) {
            List<Sent> events = new ArrayList<>();
            int size = 2 + random.nextInt(5);
            for (int event = 0; event < size; event++) {
                long timestamp = BASE + random.nextInt(1000);
                String data = "{\"sent\":\"c" + number + "-" + request + "-" + event + "\"}";
                List<Sent> earlier = new ArrayList<>(sentBefore);
                earlier.addAll(events);
                if (!earlier.isEmpty() && random.nextInt(4) == 0) {
                    Sent repeated = earlier.get(random.nextInt(earlier.size()));
                    events.add(new Sent(repeated.timeline(), repeated.id(), timestamp, data));
                } else {
                    events.add(new Sent("k" + random.nextInt(KEYS), "c" + number + "-" + request + "-" + event,
                            timestamp, data));
                }
            }
            return events;
        }

        /**
         * Sends the request through the nodes in turn until one acknowledges it, and checks its counts: {@code fresh}
         * accepted, or after a refusal possibly none (the refused attempt was committed), the rest duplicates.
         */
        private void send(List<Sent> events, int fresh) throws Exception {
            String body = events.stream().map(Sent::json).collect(Collectors.joining(",", "[", "]"));
            long started = System.nanoTime();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                ServiceProcess node = nodes.get(next++ % nodes.size());
                HttpResponse<String> reply;
                try {
                    reply = client.send(HttpRequest.newBuilder(node.uri("/events")).timeout(REPLY_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException noReply) {
                    refused++;
                    continue;
                }
                if (reply.statusCode() >= 500) {
                    refused++;
                    Thread.sleep(100);
                    continue;
                }
                assertEquals(200, reply.statusCode(), reply.body());
                Matcher counts = COUNTS.matcher(reply.body());
                assertTrue(counts.matches(), reply.body());
                int acceptedNow = Integer.parseInt(counts.group(1));
                int duplicatesNow = Integer.parseInt(counts.group(2));
                assertEquals(events.size(), acceptedNow + duplicatesNow, body + " -> " + reply.body());
                if (attempt == 0 || acceptedNow != 0) {
                    assertEquals(fresh, acceptedNow, "accepted: the events new to the store; " + body + " -> "
                            + reply.body());
                } else {
                    committedUnacknowledged += fresh;
                }
                sent += events.size();
                accepted += acceptedNow;
                duplicates += duplicatesNow;
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
                lastPositions.set(reply.headers().firstValue(POSITIONS).orElseThrow());
                return;
            }
            fail("not acknowledged in " + ATTEMPTS + " attempts: " + body);
        }
    }
}
