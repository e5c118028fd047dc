package dev.timelines.adapters.out.kafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Asks another node over HTTP: {@code POST <address>/internal/parts} with the question, answered with the node's
 * partial answer and, in the header {@value #POSITIONS}, the position of every partition it covers
 * ({@code 0=12,2=40}). Anything but a 200 is no answer: the partitions asked stay missing.
 */
public final class HttpPartTransport implements PartTransport {

    /** The path of the endpoint that answers for a node's part. */
    public static final String PATH = "/internal/parts";
    /** The reply header naming the partitions a part covers, each with the position it reflects. */
    public static final String POSITIONS = "Timelines-Part-Positions";

    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> authorization;

    /** {@code authorization}: the {@code Authorization} header a node sends when the API asks for a key. */
    public HttpPartTransport(Duration timeout, Optional<String> authorization) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.authorization = authorization;
    }

    @Override
    public CompletableFuture<PartReply> ask(String address, byte[] question) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + PATH)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(question));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(reply -> {
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(address + " answered " + reply.statusCode());
            }
            return new PartReply(positions(reply.headers().firstValue(POSITIONS).orElse("")), reply.body());
        });
    }

    /** The header's form of the positions of a part. */
    public static String header(Map<Integer, Long> positions) {
        StringBuilder header = new StringBuilder();
        new TreeMap<>(positions).forEach((partition, position) -> header.append(header.isEmpty() ? "" : ",")
                .append(partition).append('=').append(position));
        return header.toString();
    }

    static Map<Integer, Long> positions(String header) {
        Map<Integer, Long> positions = new TreeMap<>();
        for (String position : header.split(",")) {
            if (!position.isBlank()) {
                String[] fields = position.split("=", 2);
                positions.put(Integer.parseInt(fields[0].trim()), Long.parseLong(fields[1].trim()));
            }
        }
        return positions;
    }
}
