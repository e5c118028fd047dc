package dev.timelines.adapters.out.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka cluster for tests, started by the tests themselves: brokers in KRaft mode, each both broker and
 * controller of a static quorum ({@code controller.quorum.voters}), as child JVMs run from the {@code kafka_2.13}
 * artifact on the test class path, so that nothing needs to be installed. Each broker is formatted with
 * {@code kafka.tools.StorageTool format}, listens on free ports of the loopback address and keeps its log in a
 * temporary directory. A broker can be killed (SIGKILL, as a crash) and started again on the same ports and data.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Small heaps: the machines running the tests have two cores and other tests beside. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.awt.headless=true");

    private static KafkaCluster shared;

    private final Path directory;
    private final List<Broker> brokers;
    private final String clusterId = Uuid.randomUuid().toString();
    private boolean closed;

    private KafkaCluster(Path directory, List<Broker> brokers) {
        this.directory = directory;
        this.brokers = brokers;
    }

    /** Formats and starts the brokers, and returns once every one of them is registered with the quorum. */
    public static KafkaCluster start(int size) {
        try {
            Path directory = Files.createTempDirectory("timelines-kafka");
            List<Broker> brokers = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                brokers.add(new Broker(id, directory.resolve("broker-" + id), freePort(), freePort()));
            }
            KafkaCluster cluster = new KafkaCluster(directory, brokers);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            for (Broker broker : brokers) {
                cluster.format(broker);
            }
            brokers.forEach(cluster::launch);
            cluster.awaitBrokers(size);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One 3-broker cluster for every test of this JVM that asks for it, started on first use: starting brokers costs
     * more than most tests. A test that kills a broker starts it again before it ends.
     */
    public static synchronized KafkaCluster shared() {
        if (shared == null) {
            shared = start(3);
        }
        return shared;
    }

    public String bootstrapServers() {
        return brokers.stream().map(broker -> "127.0.0.1:" + broker.port).collect(Collectors.joining(","));
    }

    public int size() {
        return brokers.size();
    }

    /** The index of the broker with the given node id: broker {@code i} is node {@code i + 1}. */
    public static int indexOf(int nodeId) {
        return nodeId - 1;
    }

    /** Kills broker {@code index} (0-based) with SIGKILL, as a crash: no controlled shutdown, nothing flushed. */
    public void kill(int index) {
        Broker broker = brokers.get(index);
        if (broker.process != null) {
            broker.process.destroyForcibly();
            waitFor(broker.process);
            broker.process = null;
        }
    }

    /** Starts broker {@code index} again on its ports and data, and waits until the cluster has every broker. */
    public void restart(int index) {
        launch(brokers.get(index));
        awaitBrokers(brokers.size());
    }

    /** Stops the brokers and deletes their data; once only, as the shutdown hook closes it too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        killAll();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void killAll() {
        for (int index = 0; index < brokers.size(); index++) {
            kill(index);
        }
    }

    private void format(Broker broker) throws IOException {
        Files.createDirectories(broker.directory);
        Path config = broker.directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            serverProperties(broker).store(out, "broker " + broker.id);
        }
        Process format = java(broker, "format.log", "kafka.tools.StorageTool", "format", "--cluster-id", clusterId,
                "--config", config.toString(), "--ignore-formatted");
        if (waitFor(format) != 0) {
            throw new IllegalStateException("formatting broker " + broker.id + " failed: "
                    + Files.readString(broker.directory.resolve("format.log")));
        }
    }

    private void launch(Broker broker) {
        broker.process = java(broker, "server.log", "kafka.Kafka",
                broker.directory.resolve("server.properties").toString());
    }

    private Properties serverProperties(Broker broker) {
        String voters = brokers.stream().map(other -> other.id + "@127.0.0.1:" + other.controllerPort)
                .collect(Collectors.joining(","));
        int replication = Math.min(3, brokers.size());
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(broker.id)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + broker.port + ",CONTROLLER://127.0.0.1:"
                        + broker.controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker.port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", broker.directory.resolve("data").toString()),
                Map.entry("offsets.topic.replication.factor", Integer.toString(replication)),
                Map.entry("transaction.state.log.replication.factor", Integer.toString(replication)),
                Map.entry("transaction.state.log.min.isr", Integer.toString(Math.min(2, replication))),
                Map.entry("default.replication.factor", Integer.toString(replication)),
                Map.entry("min.insync.replicas", Integer.toString(Math.min(2, replication))),
                // The defaults (50 partitions each) make the first group and the first transaction slow to start.
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // A killed broker is noticed in seconds rather than the default 9 s.
                Map.entry("broker.heartbeat.interval.ms", "500"),
                Map.entry("broker.session.timeout.ms", "3000"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024))));
        return properties;
    }

    private void awaitBrokers(int count) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                assertAlive();
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // the brokers are still starting: ask again
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the Kafka cluster did not have " + count + " brokers after " + START_TIMEOUT
                + "; logs in " + directory);
    }

    private void assertAlive() {
        for (Broker broker : brokers) {
            if (broker.process != null && !broker.process.isAlive()) {
                throw new IllegalStateException("broker " + broker.id + " exited; log: "
                        + broker.directory.resolve("server.log"));
            }
        }
    }

    /** A child JVM on the test's own class path, which holds {@code kafka_2.13} and its dependencies. */
    private static Process java(Broker broker, String log, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(broker.directory.resolve(log).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("a Kafka process did not finish in " + START_TIMEOUT);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One broker: its node id, ports and directory, and its process while it runs. */
    private static final class Broker {
        private final int id;
        private final Path directory;
        private final int port;
        private final int controllerPort;
        private Process process;

        Broker(int id, Path directory, int port, int controllerPort) {
            this.id = id;
            this.directory = directory;
            this.port = port;
            this.controllerPort = controllerPort;
        }
    }
}
