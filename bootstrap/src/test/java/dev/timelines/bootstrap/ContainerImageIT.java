package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM container image (bootstrap/src/main/docker/Dockerfile.jvm, docs/deployment.md) built with podman and
 * started: it serves the seed example, and its journal outlives the container in the volume at /data. The test
 * machines reach no image registry, so the base is Debian with its Java 17 runtime, made here with debootstrap;
 * the Dockerfile is the one shipped, only its {@code BASE_IMAGE} differs. The build installs podman, runc and
 * debootstrap first when they are missing (src/test/tools/install-missing.sh).
 */
class ContainerImageIT {

    private static final String BASE = "localhost/timelines-test-base:bookworm";
    private static final String IMAGE = "localhost/timelines:test";
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final String SEED = """
            {"timestamp": 1680945987, "data": {"key": "start"}}
            {"timestamp": 1680945989, "data": {"key": "wait"}}
            {"timestamp": 1680946010, "data": {"key": "wait"}}
            {"timestamp": 1680946015, "data": {"key": "end"}}
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theImageServesTheSeedExampleAndItsJournalOutlivesTheContainerInTheVolume() throws Exception {
        buildBaseUnlessPresent();
        Podman.build(Path.of(System.getProperty("timelines.dockerfile.jvm", "src/main/docker/Dockerfile.jvm")),
                Path.of(System.getProperty("timelines.docker.context", ".")), IMAGE, "BASE_IMAGE=" + BASE);
        String name = "timelines-it-" + UUID.randomUUID();
        int port = ServiceProcess.freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            startContainer(name, port);
            awaitReady(base, name);
            assertEquals("{\"accepted\":4,\"duplicates\":0}", post(base.resolve("/timelines/t/events"), SEED));

            Podman.run(List.of("stop", "-t", "60", name));
            Podman.run(List.of("rm", name));
            startContainer(name, port);
            awaitReady(base, name);

            assertEquals("[[1680945987,\"start\"],[1680945989,\"wait\"],[1680946015,\"end\"]]",
                    get(base.resolve("/timelines/t/history?attribute=key&mode=changes&format=pairs")));
        } finally {
            Podman.tryRun("rm", "-f", name);
            Podman.tryRun("volume", "rm", "-f", name);
        }
    }

    /** The image on {@code port} of the loopback interface, its /data in the volume of the container's name. */
    private static void startContainer(String name, int port) throws IOException, InterruptedException {
        Podman.start("--name", name, "-p", "127.0.0.1:" + port + ":8080", "-v", name + ":/data", IMAGE);
    }

    /** A Debian bookworm root file system with OpenJDK 17's runtime, imported as an image once per machine. */
    private void buildBaseUnlessPresent() throws IOException, InterruptedException {
        if (!Podman.run(List.of("images", "-q", BASE)).isBlank()) {
            return;
        }
        Path root = dir.resolve("rootfs");
        Path tar = dir.resolve("rootfs.tar");
        Commands.run(List.of("debootstrap", "--variant=minbase", "--include=openjdk-17-jre-headless",
                "bookworm", root.toString(), "http://deb.debian.org/debian"));
        Commands.run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
        Commands.run(List.of("rm", "-rf", root.toString()));
        Podman.run(List.of("import", tar.toString(), BASE));
        Files.delete(tar);
    }

    private void awaitReady(URI base, String container) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The container's JVM opens the port a moment after it starts.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the container was not ready within " + READY_WITHIN + "; its log:\n"
                + Podman.run(List.of("logs", container)));
    }

    private String post(URI uri, String ndjson) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }
}
