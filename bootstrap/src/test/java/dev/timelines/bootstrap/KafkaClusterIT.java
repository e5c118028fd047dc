package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.kafka.KafkaCluster;
import dev.timelines.adapters.out.kafka.KafkaEventStore;
import dev.timelines.adapters.out.kafka.KafkaStoreOptions;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * (out-of-order events, repeated ids, {@code 1} and {@code 1.0}, a delete). The requests are written to the topic by
 * a node of a group of its own, which owns every partition (writes through the cluster's nodes are not built,
 * docs/scaling.md). While one node is killed with SIGKILL, every reply of another is the journal's answer or a 503;
 * once the group has moved the killed node's partitions, every reply is the journal's again. A node joining
 * changes no answer. The export of the whole store through every node is the writer's, before the kill and after
 * the join.
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
    /** When an event was received differs between the writer and the journal service: everything else is equal. */
    private static final Pattern RECEIVED = Pattern.compile("\"received\":[0-9.]+");
    private static final Pattern SEQ = Pattern.compile("\"seq\":[0-9]+");
    private static final String[] NODE_OPTIONS = {"-Xmx256m", "-Dtimelines.kafka.partitions=6",
        "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000", "-Dtimelines.kafka.part-timeout=2s"};

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void threeNodesAnswerAsOneServiceThroughAKillAndAJoin(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        String topic = "cluster-it-" + UUID.randomUUID();
        String servers = KafkaCluster.shared().bootstrapServers();
        try (KafkaEventStore writer = KafkaEventStore.open(new KafkaStoreOptions(servers, topic, 6, (short) 3,
                topic + "-writer", "writer", "http://127.0.0.1:1", Duration.ofSeconds(60), Map.of()));
                ServiceProcess journal = ServiceProcess.start(jar, dir.resolve("journal"), dir.resolve("journal.log"),
                        START, "-Xmx256m")) {
            writeTheSameRequests(writer, journal, new Random(23));
            List<ServiceProcess> nodes = new ArrayList<>();
            try {
                for (int n = 0; n < 3; n++) {
                    nodes.add(ServiceProcess.startOnKafka(jar, servers, topic, topic, dir.resolve("node" + n + ".log"),
                            START, NODE_OPTIONS));
                }
                assertEveryReadAnswered(journal, nodes);
                assertEveryNodeExports(writer, journal, nodes);
                String first = get(journal, QUESTIONS.get(4)).body();
                String cursor = first.replaceAll("(?s).*\"next\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                assertEquals(get(journal, QUESTIONS.get(4) + "&cursor=" + cursor).body(),
                        answered(nodes.get(1), QUESTIONS.get(4) + "&cursor=" + cursor), "a cursor pages on any node");

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
                            assertEquals(get(journal, question).body(), reply.body(), question);
                        }
                    }
                }
                assertTrue(complete, "the answers are complete again once the group has moved the partitions");
                assertTrue(refused > 0, "a question asked before the group noticed the loss is a 503");

                nodes.add(ServiceProcess.startOnKafka(jar, servers, topic, topic, dir.resolve("joined.log"), START,
                        NODE_OPTIONS));
                assertEveryReadAnswered(journal, nodes);
                assertEveryNodeExports(writer, journal, nodes);
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
                assertEquals(get(journal, question).body(), answered(node, question), question);
            }
            for (String read : READS) {
                HttpResponse<String> expected = get(journal, read);
                HttpResponse<String> reply = settled(node, read);
                assertEquals(expected.statusCode() + " " + withoutReceived(expected.body()),
                        reply.statusCode() + " " + withoutReceived(reply.body()), read);
            }
        }
        String keys = get(journal, READS.get(0)).body();
        String cursor = keys.replaceAll("(?s).*\"next\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String next = READS.get(0) + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        assertEquals(get(journal, next).body(), answered(nodes.get(0), next), "a key cursor pages on any node");
    }

    /**
     * The export of the whole store through every node is the writer's events in the writer's seq order (a node
     * holding every partition), and the journal service's events: seq and received aside, they number events
     * differently.
     */
    private void assertEveryNodeExports(KafkaEventStore writer, ServiceProcess journal, List<ServiceProcess> nodes)
            throws Exception {
        List<String> seqs = new ArrayList<>();
        writer.inSeqOrder(Optional.empty(), event -> seqs.add("\"seq\":" + event.event().seq()));
        List<String> journalEvents = exported(journal).stream().map(KafkaClusterIT::withoutSeq).sorted().toList();
        for (ServiceProcess node : nodes) {
            List<String> lines = exported(node);
            assertEquals(seqs, lines.stream().map(line -> SEQ.matcher(line).results().findFirst().orElseThrow()
                    .group()).toList(), "the seqs of the export through a node");
            assertEquals(journalEvents, lines.stream().map(KafkaClusterIT::withoutSeq).sorted().toList(),
                    "the events of the export through a node");
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

    private static String withoutSeq(String line) {
        return SEQ.matcher(withoutReceived(line)).replaceAll("\"seq\":0");
    }

    private static String withoutReceived(String body) {
        return RECEIVED.matcher(body).replaceAll("\"received\":0");
    }

    /** The same requests to the Kafka topic (through the writer) and to the journal service (over HTTP). */
    private void writeTheSameRequests(KafkaEventStore writer, ServiceProcess journal, Random random) throws Exception {
        for (int request = 0; request < 16; request++) {
            if (request == 9) {
                writer.delete(new TimelineKey("k3"));
                assertEquals(204, client.send(HttpRequest.newBuilder(journal.uri("/timelines/k3")).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            List<String> json = new ArrayList<>();
            List<IncomingEvent> events = new ArrayList<>();
            for (int event = 0; event < 1 + random.nextInt(10); event++) {
                String key = "k" + random.nextInt(12);
                long second = BASE + random.nextInt(12);
                String status = VALUES.get(random.nextInt(VALUES.size()));
                boolean high = random.nextInt(3) == 0;
                Optional<String> id = random.nextInt(3) == 0 ? Optional.of("e" + random.nextInt(5)) : Optional.empty();
                Map<String, JsonValue> data = new LinkedHashMap<>();
                data.put("status", status.startsWith("\"") ? new JsonValue.Str(status.replace("\"", ""))
                        : new JsonValue.Num(new BigDecimal(status)));
                if (high) {
                    data.put("priority", new JsonValue.Str("high"));
                }
                events.add(new IncomingEvent(new TimelineKey(key), new Timestamp(second * 1_000_000L),
                        id.map(EventId::new), new JsonValue.Obj(data)));
                json.add("{\"timeline\": \"" + key + "\", \"timestamp\": " + second
                        + id.map(given -> ", \"id\": \"" + given + "\"").orElse("") + ", \"data\": {\"status\": "
                        + status + (high ? ", \"priority\": \"high\"" : "") + "}}");
            }
            writer.append(events, new Timestamp(System.currentTimeMillis() * 1000));
            HttpResponse<String> stored = client.send(HttpRequest.newBuilder(journal.uri("/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.stream().collect(Collectors.joining(",", "[", "]"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stored.statusCode(), stored.body());
        }
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
