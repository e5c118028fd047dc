package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.kafka.KafkaCluster;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged services as the nodes of one Kafka group, on the test's 3-broker cluster: every question across
 * timelines asked of any node is answered as a single service on a journal answers it, given the same requests
 * (out-of-order events, repeated ids, {@code 1} and {@code 1.0}, a delete). The requests are written through the
 * cluster's own nodes in turn, each replying as the journal service does ({@code accepted} and {@code duplicates}
 * exact, a delete's 204), and a read of another node naming the positions the write replied with sees the write.
 * While one node is killed with SIGKILL, every reply of another is the journal's answer or a 503; once the group has
 * moved the killed node's partitions, every reply is the journal's again. A node joining changes no answer. Seqs
 * differ: the journal numbers arrival across the store, the cluster its log (docs/semantics.md, "Seq"), so the
 * reads compare events without their seqs, and pages whose cursor holds a seq without the cursor. The export of the
 * whole store through every node is the same, in increasing seq order, and holds the journal service's events, before
 * the kill and after the join.
 */
class KafkaClusterIT {

    private static final Duration START = Duration.ofMinutes(2);
    private static final long BASE = 1_700_000_000L;
    private static final List<String> VALUES = List.of("1", "1.0", "\"a\"", "\"b\"", "2");
    private static final String WHERE_HIGH = "%7B%22priority%22%3A%22high%22%7D";
    private static final List<String> QUESTIONS = List.of(
            "/states?attribute=status&at=1700000006&ages=true",
            "/states?attribute=status&at=1700000009&where=" + WHERE_HIGH,
            "/states/durations?attribute=status&since=1700000000&until=1700000012",
            "/states/stuck?attribute=status&longerThan=1s&at=1700000008",
            "/transitions?attribute=status&since=1700000000&until=1700000012&entries=true&limit=4",
            "/transitions/summary?attribute=status&since=1700000000&until=1700000012",
            "/transitions/next?attribute=status&value=a&since=1700000000&until=1700000012",
            "/transitions/previous?attribute=status&value=b&since=1700000000&until=1700000012",
            "/funnels?attribute=status&step=a&step=b&since=1700000000&until=1700000012",
            "/timelines?attribute=status&value=json:1&at=1700000006",
            "/timelines?attribute=status&value=b&since=1700000000&until=1700000012");
    /**
     * Every other read (keys, the attribute catalogue, each timeline's questions, a deleted one's 404 included),
     * compared as a whole; not asked while a node is lost, where each would wait out the part timeout.
     */
    private static final List<String> READS = Stream.concat(Stream.of(
            "/timelines?prefix=k&limit=5", "/timelines?prefix=k1", "/timelines", "/attributes?limit=1", "/attributes",
            "/attributes/status/values", "/attributes/status/values?limit=2", "/attributes/priority/values"),
            IntStream.range(0, 12).mapToObj(key -> "/timelines/k" + key).flatMap(timeline -> Stream.of(timeline,
                    timeline + "/events?limit=3", timeline + "/history?attribute=status",
                    timeline + "/history?attribute=status&mode=all", timeline + "/transitions?attribute=status",
                    timeline + "/state?attribute=status&at=1700000006"))).toList();
    /** When an event was received differs between the nodes and the journal service: everything else is equal. */
    private static final Pattern RECEIVED = Pattern.compile("\"received\":[0-9.]+");
    /** An event's seq: the journal's arrival order, the cluster's log order. */
    private static final Pattern SEQ = Pattern.compile("\"seq\":[0-9]+");
    /** The cursor of a page of events or transitions holds a seq. */
    private static final Pattern SEQ_CURSOR = Pattern.compile("\"next\":\"[^\"]+\"");
    private static final String[] NODE_OPTIONS = {"-Xmx256m", "-Dtimelines.kafka.partitions=6",
        "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000", "-Dtimelines.kafka.part-timeout=2s"};

    private static final String POSITIONS = "Timelines-Positions";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void threeNodesAnswerAsOneServiceThroughAKillAndAJoin(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        String topic = "cluster-it-" + UUID.randomUUID();
        String servers = KafkaCluster.shared().bootstrapServers();
        try (ServiceProcess journal = ServiceProcess.start(jar, dir.resolve("journal"), dir.resolve("journal.log"),
                START, "-Xmx256m")) {
            List<ServiceProcess> nodes = new ArrayList<>();
            try {
                for (int n = 0; n < 3; n++) {
                    nodes.add(ServiceProcess.startOnKafka(jar, servers, topic, topic, dir.resolve("node" + n + ".log"),
                            START, NODE_OPTIONS));
                }
                for (ServiceProcess node : nodes) {
                    answered(node, "/timelines");
                }
                writeTheSameRequests(nodes, journal, new Random(23));
                assertEveryReadAnswered(journal, nodes);
                assertEveryNodeExports(journal, nodes);
                // A transition's cursor holds its seq: a node's cursor pages on another node as the journal's does on
                // the journal (the journal's own seqs mean nothing to the cluster).
                assertEquals(comparable(get(journal, QUESTIONS.get(4) + "&cursor="
                        + next(get(journal, QUESTIONS.get(4)).body())).body()),
                        comparable(answered(nodes.get(1), QUESTIONS.get(4) + "&cursor="
                                + next(answered(nodes.get(0), QUESTIONS.get(4))))), "a cursor pages on any node");

                nodes.remove(2).kill();
                int refused = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                boolean complete = false;
                while (!complete && System.nanoTime() < deadline) {
                    complete = true;
                    for (String question : QUESTIONS) {
                        HttpResponse<String> reply = get(nodes.get(0), question);
                        if (reply.statusCode() == 503) {
                            refused++;
                            complete = false;
                        } else {
                            assertEquals(200, reply.statusCode(), reply.body());
                            assertEquals(comparable(get(journal, question).body()), comparable(reply.body()), question);
                        }
                    }
                }
                assertTrue(complete, "the answers are complete again once the group has moved the partitions");
                assertTrue(refused > 0, "a question asked before the group noticed the loss is a 503");

                nodes.add(ServiceProcess.startOnKafka(jar, servers, topic, topic, dir.resolve("joined.log"), START,
                        NODE_OPTIONS));
                assertEveryReadAnswered(journal, nodes);
                assertEveryNodeExports(journal, nodes);
            } finally {
                for (ServiceProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** Every question and read asked of every node is answered as the journal service answers it. */
    private void assertEveryReadAnswered(ServiceProcess journal, List<ServiceProcess> nodes) throws Exception {
        for (ServiceProcess node : nodes) {
            for (String question : QUESTIONS) {
                assertEquals(comparable(get(journal, question).body()), comparable(answered(node, question)), question);
            }
            for (String read : READS) {
                HttpResponse<String> expected = get(journal, read);
                HttpResponse<String> reply = settled(node, read);
                assertEquals(expected.statusCode() + " " + comparable(expected.body()),
                        reply.statusCode() + " " + comparable(reply.body()), read);
            }
        }
        String cursor = next(get(journal, READS.get(0)).body());
        String next = READS.get(0) + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        assertEquals(get(journal, next).body(), answered(nodes.get(0), next), "a key cursor pages on any node");
    }

    /**
     * The export of the whole store is the same through every node (the same records replayed: the same seqs and
     * receptions), in increasing seq order, and holds the journal service's events (seq and received aside).
     */
    private void assertEveryNodeExports(ServiceProcess journal, List<ServiceProcess> nodes) throws Exception {
        List<String> first = exported(nodes.get(0));
        long[] seqs = first.stream().mapToLong(line -> Long.parseLong(SEQ.matcher(line).results().findFirst()
                .orElseThrow().group().substring("\"seq\":".length()))).toArray();
        for (int i = 1; i < seqs.length; i++) {
            assertTrue(seqs[i - 1] < seqs[i], "the export in increasing seq order: " + seqs[i - 1] + ", " + seqs[i]);
        }
        assertEquals(exported(journal).stream().map(KafkaClusterIT::comparable).sorted().toList(),
                first.stream().map(KafkaClusterIT::comparable).sorted().toList(), "the events of the export");
        for (ServiceProcess node : nodes.subList(1, nodes.size())) {
            assertEquals(first, exported(node), "the export through " + node.base());
        }
    }

    private List<String> exported(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<Stream<String>> reply = client.send(HttpRequest.newBuilder(service.uri("/events"))
                    .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofLines());
            if (reply.statusCode() != 503 || System.nanoTime() > deadline) {
                assertEquals(200, reply.statusCode(), "the export");
                return reply.body().toList();
            }
            reply.body().close();
            Thread.sleep(200);
        }
    }

    private static String next(String page) {
        return page.replaceAll("(?s).*\"next\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /**
     * A reply without what legitimately differs: when events were received, their seqs, and the cursors of pages
     * positioned by a seq (events, transitions). A key cursor (a page of keys) has none and is kept.
     */
    private static String comparable(String body) {
        String compared = SEQ.matcher(RECEIVED.matcher(body).replaceAll("\"received\":0")).replaceAll("\"seq\":0");
        return body.contains("\"seq\"") || body.contains("\"from\"") || body.contains("\"entry\"")
                ? SEQ_CURSOR.matcher(compared).replaceAll("\"next\":\"…\"") : compared;
    }

    /**
     * The same requests through the cluster's nodes in turn and to the journal service, each replying as the journal
     * does; after each, another node asked for a timeline written, naming the positions the write replied with,
     * answers as the journal does (read-your-writes).
     */
    private void writeTheSameRequests(List<ServiceProcess> nodes, ServiceProcess journal, Random random)
            throws Exception {
        for (int request = 0; request < 16; request++) {
            ServiceProcess through = nodes.get(request % nodes.size());
            ServiceProcess reading = nodes.get((request + 1) % nodes.size());
            if (request == 9) {
                HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(through.uri("/timelines/k3"))
                        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(204, deleted.statusCode(), deleted.body());
                assertEquals(204, client.send(HttpRequest.newBuilder(journal.uri("/timelines/k3")).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
                assertEquals(404, client.send(HttpRequest.newBuilder(reading.uri("/timelines/k3"))
                        .header(POSITIONS, deleted.headers().firstValue(POSITIONS).orElseThrow()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(), "the delete seen on another node");
            }
            List<String> json = new ArrayList<>();
            for (int event = 0; event < 1 + random.nextInt(10); event++) {
                String key = "k" + random.nextInt(12);
                long second = BASE + random.nextInt(12);
                String status = VALUES.get(random.nextInt(VALUES.size()));
                boolean high = random.nextInt(3) == 0;
                Optional<String> id = random.nextInt(3) == 0 ? Optional.of("e" + random.nextInt(5)) : Optional.empty();
                json.add("{\"timeline\": \"" + key + "\", \"timestamp\": " + second
                        + id.map(given -> ", \"id\": \"" + given + "\"").orElse("") + ", \"data\": {\"status\": "
                        + status + (high ? ", \"priority\": \"high\"" : "") + "}}");
            }
            String body = json.stream().collect(Collectors.joining(",", "[", "]"));
            HttpResponse<String> stored = post(journal, body);
            assertEquals(200, stored.statusCode(), stored.body());
            HttpResponse<String> written = post(through, body);
            assertEquals(200, written.statusCode(), written.body());
            assertEquals(stored.body(), written.body(), "request " + request + ": accepted and duplicates");
            String timeline = "/timelines/" + json.get(0).replaceAll("^\\{\"timeline\": \"([^\"]+)\".*", "$1")
                    + "/events";
            HttpResponse<String> seen = client.send(HttpRequest.newBuilder(reading.uri(timeline)).header(POSITIONS,
                    written.headers().firstValue(POSITIONS).orElseThrow()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(comparable(get(journal, timeline).body()), comparable(seen.body()),
                    "request " + request + " seen on another node with the positions written");
        }
    }

    private HttpResponse<String> post(ServiceProcess service, String events) throws Exception {
        return client.send(HttpRequest.newBuilder(service.uri("/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(events)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The node's first answer that is not a 503 (its partitions being applied or moving), within a minute. */
    private String answered(ServiceProcess node, String question) throws Exception {
        HttpResponse<String> reply = settled(node, question);
        assertEquals(200, reply.statusCode(), question + ": " + reply.body());
        return reply.body();
    }

    /** The node's first reply that is not a 503, or the last one after a minute. */
    private HttpResponse<String> settled(ServiceProcess node, String question) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> reply = get(node, question);
            if (reply.statusCode() != 503 || System.nanoTime() > deadline) {
                return reply;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(ServiceProcess service, String question) throws Exception {
        return client.send(HttpRequest.newBuilder(service.uri(question)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
