package dev.timelines.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for the tests, read line by line as the HTML standard says: a message is dispatched at
 * its blank line, so one cut off in the middle is never seen. It keeps the messages and comments it received.
 */
final class SseClient implements AutoCloseable {

    /** One message: its id, its event name, its data. */
    record Message(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        // Only a stream is read as one; any other answer is left for body().
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens the stream at {@code url} with the headers given; the caller checks {@link #status()}. */
    static SseClient open(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    /** Waits for the first line the server sends, which says the stream is following the store. */
    void awaitConnected() throws InterruptedException {
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the stream sent nothing within 10 s");
        }
    }

    /** Waits until the server ends the stream; false if it did not within the time. */
    boolean awaitEnd(Duration within) throws InterruptedException {
        return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    Optional<String> lastId() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1).id());
    }

    /** The body of an answer that is not a stream (a problem). */
    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        messages.add(new Message(id, event, String.join("\n", data)));
                    }
                    id = null;
                    event = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        default -> { }
                    }
                }
                connected.countDown();
            }
        } catch (IOException e) {
            // closed by the test or the server: the messages complete so far are kept
        } finally {
            connected.countDown();
            ended.countDown();
        }
    }

    /** Disconnects; the messages complete so far stay readable. */
    @Override
    public void close() throws InterruptedException {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        if (reader.isAlive()) {
            reader.join(5000);
        }
    }
}
