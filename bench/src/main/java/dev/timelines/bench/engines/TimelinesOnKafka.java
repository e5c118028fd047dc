package dev.timelines.bench.engines;

import dev.timelines.bench.measure.Figures;
import dev.timelines.bench.workload.Dataset;
import dev.timelines.bootstrap.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Timelines in cluster mode on Kafka (docs/scaling.md, "Kafka"): packaged services with
 * {@code timelines.storage=kafka} on a topic of their own on the run's brokers. With one node, that node owns every
 * partition, takes the ingest and answers. With a group of several, the ingest goes through the group's nodes in
 * turn, each request replied to once the owners of its partitions applied it, and a question asked of one of them is
 * answered by all of them together; a further node on the same topic, the only member of a group of its own, owns
 * every partition beside them and answers as a single node holding the whole store does, so that the same question
 * asked of it and of a member of the group shows the cost of the fan-out.
 */
public final class TimelinesOnKafka extends HttpService {

    /**
     * Where the services and their logs are, and the cluster's shape.
     *
     * @param nodes the members of the group answering the questions (1: the node owning every partition alone)
     */
    public record Setup(Path jar, String heap, String bootstrapServers, int partitions, int nodes, Path workDir) {
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Until a group's nodes have settled their partitions, or have applied what the writer wrote. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    private static final String POSITIONS = "Timelines-Positions";
    /** A question every node answers for the whole store, its reply naming the position of every partition. */
    private static final String STATES = "/states?" + STATUS + "&at=0";

    private final Setup setup;
    private final NdjsonBatches batches;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<ServiceProcess> group = new ArrayList<>();
    /** The node owning every partition: the group's only node, or the one beside the group. */
    private ServiceProcess whole;
    private ServiceProcess asked;

    public TimelinesOnKafka(Setup setup, NdjsonBatches batches) {
        this.setup = setup;
        this.batches = batches;
    }

    @Override
    public void load(Dataset dataset, long asOfRows, Figures.Recorder figures) throws Exception {
        Files.createDirectories(setup.workDir());
        String topic = "bench-" + setup.nodes() + "-" + UUID.randomUUID();
        if (setup.nodes() > 1) {
            for (int n = 0; n < setup.nodes(); n++) {
                group.add(start(topic, topic, "node-" + n));
            }
        }
        whole = start(topic, topic + "-whole", "whole");
        if (group.isEmpty()) {
            group.add(whole);
        }
        asked = group.get(0);
        // Asked before ingest, so that ingest pays for keeping the status index current, as in production.
        for (ServiceProcess node : nodes()) {
            answered(node);
        }

        long started = System.nanoTime();
        long accepted = ingest(batches);
        long acknowledged = System.nanoTime();
        figures.throughput("ingest over HTTP through the group's nodes in turn, acknowledged", dataset.events(),
                acknowledged - started);
        if (accepted != dataset.events()) {
            throw new IllegalStateException("the cluster accepted " + accepted + " of " + dataset.events()
                    + " events");
        }
        if (asked != whole) {
            String written = answered(asked);
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            while (!answered(whole).equals(written)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the node owning every partition did not apply them up to "
                            + written + " within " + SETTLE_TIMEOUT);
                }
                Thread.sleep(20);
            }
            figures.throughput("ingest until the node owning every partition, beside the group, has applied every"
                    + " event (positions " + written + ")", dataset.events(), System.nanoTime() - started);
        }
    }

    /** Questions go to a member of the group from now on: answered by the group's nodes together. */
    public void askGroup() {
        asked = group.get(0);
    }

    /** Questions go to the node owning every partition from now on: no fan-out. */
    public void askWhole() {
        asked = whole;
    }

    @Override
    public URI uri(String pathAndQuery) {
        return asked.uri(pathAndQuery);
    }

    @Override
    protected URI ingestUri(int sender, int body) {
        return group.get(Math.floorMod(sender + body, group.size())).uri("/events");
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess node : nodes()) {
            node.close();
        }
    }

    private List<ServiceProcess> nodes() {
        List<ServiceProcess> nodes = new ArrayList<>(group);
        if (whole != null && !nodes.contains(whole)) {
            nodes.add(whole);
        }
        return nodes;
    }

    private ServiceProcess start(String topic, String group, String name) throws IOException, InterruptedException {
        return ServiceProcess.startOnKafka(setup.jar(), setup.bootstrapServers(), topic, group,
                setup.workDir().resolve("kafka-" + setup.nodes() + "-" + name + ".log"), START_TIMEOUT,
                "-Xmx" + setup.heap(), "-Dtimelines.kafka.partitions=" + setup.partitions());
    }

    /**
     * The positions the node's answer for the whole store reflects, once it answers: a 503 while its group moves
     * partitions or applies them.
     */
    private String answered(ServiceProcess node) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(node.uri(STATES)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> positions = reply.headers().firstValue(POSITIONS);
            if (reply.statusCode() == 200 && positions.isPresent()) {
                return positions.get();
            }
            if (reply.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new IOException("GET " + STATES + " on " + node.base() + " answered " + reply.statusCode()
                        + ": " + reply.body());
            }
            Thread.sleep(100);
        }
    }
}
