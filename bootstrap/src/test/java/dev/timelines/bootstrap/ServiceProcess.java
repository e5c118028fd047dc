package dev.timelines.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The packaged service in a child JVM on a free port, storing in a durable journal (or in PostgreSQL): for the
 * tests that kill it or move a store between storages, and for the bench, which reaches it through this module's
 * test-jar.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private ServiceProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts the jar on the journal in {@code journal}, its output appended to {@code log}, and returns once
     * {@code /q/health/ready} answers 200.
     *
     * @param readyWithin how long a start may take: it replays the journal first
     * @param jvmOptions put before the service's own, e.g. {@code -Xmx512m} or {@code -Dtimelines.journal.fsync=100ms}
     */
    public static ServiceProcess start(Path jar, Path journal, Path log, Duration readyWithin, String... jvmOptions)
            throws IOException, InterruptedException {
        return launch(jar, port -> onJournal(journal), log, readyWithin, "/q/health/ready", jvmOptions);
    }

    /**
     * Starts the jar as {@link #start} does, as a node of a Kafka cluster: the topic and group given, this node's
     * address published to the group being its own port on the loopback interface.
     */
    public static ServiceProcess startOnKafka(Path jar, String bootstrapServers, String topic, String group, Path log,
            Duration readyWithin, String... jvmOptions) throws IOException, InterruptedException {
        return launch(jar, port -> List.of("-Dtimelines.storage=kafka", "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dtimelines.kafka.topic=" + topic, "-Dtimelines.kafka.group=" + group,
                "-Dtimelines.kafka.node=node-" + port, "-Dtimelines.kafka.address=http://127.0.0.1:" + port), log,
                readyWithin, "/q/health/ready", jvmOptions);
    }

    /**
     * Starts the jar as {@link #start} does, storing in the PostgreSQL database at {@code jdbcUrl}, reached as
     * {@code user} without a password (the tests' embedded server).
     */
    public static ServiceProcess startOnPostgres(Path jar, String jdbcUrl, String user, Path log, Duration readyWithin,
            String... jvmOptions) throws IOException, InterruptedException {
        return launch(jar, port -> List.of("-Dtimelines.storage=postgres", "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + user), log, readyWithin, "/q/health/ready", jvmOptions);
    }

    private static List<String> onJournal(Path journal) {
        return List.of("-Dtimelines.storage=journal", "-Dtimelines.journal.dir=" + journal);
    }

    /**
     * Starts the jar as {@link #start} does, but returns as soon as HTTP answers ({@code /q/health/live} is 200):
     * the journal may still be being replayed.
     */
    public static ServiceProcess startListening(Path jar, Path journal, Path log, Duration listeningWithin,
            String... jvmOptions) throws IOException, InterruptedException {
        return launch(jar, port -> onJournal(journal), log, listeningWithin, "/q/health/live", jvmOptions);
    }

    /** {@code storage}: the storage's settings, given the service's port. */
    private static ServiceProcess launch(Path jar, IntFunction<List<String>> storage, Path log, Duration within,
            String awaited, String... jvmOptions) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(storage.apply(port));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServiceProcess service = new ServiceProcess(process, URI.create("http://127.0.0.1:" + port), log);
        service.await(awaited, within);
        return service;
    }

    /** Scheme, host and port, without a trailing slash: what a path is appended to. */
    public String base() {
        return base.toString();
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A graceful stop (SIGTERM): the service flushes and closes its journal. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: no shutdown hook, no flush; only what the journal made durable survives. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last lines of a log, for a failure's message: the log lies in a test's directory, deleted after it. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void await(String path, Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue()
                        + " while starting; the end of its log " + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(uri(path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The port opens a moment after the JVM starts; readiness follows once the journal is replayed.
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not answer 200 at " + path + " within " + within + "; see "
                + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
