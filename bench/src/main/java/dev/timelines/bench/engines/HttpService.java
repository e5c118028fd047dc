package dev.timelines.bench.engines;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Parameters;
import dev.timelines.bench.questions.Span;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A Timelines service asked over HTTP, as users ask it: ingest by concurrent senders of NDJSON batches, and every
 * question through the public API. Where it runs and how it stores are the subclass's: a single service on a journal
 * ({@link TimelinesOverHttp}), the nodes of a Kafka cluster ({@link TimelinesOnKafka}).
 */
public abstract class HttpService implements Engine {

    static final String STATUS = "attribute=" + Parameters.ATTRIBUTE;
    private static final int PAGE = 10_000;
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The moment every body before the cut line had been acknowledged, and none after it sent. */
    private volatile Timestamp asOf;

    /** The address of the service the questions are asked of. */
    public abstract URI uri(String pathAndQuery);

    /** Where the sender's body goes: the service's {@code POST /events}, or one of a cluster's nodes'. */
    protected abstract URI ingestUri(int sender, int body);

    /**
     * Sends the batches from concurrent senders, each body to {@link #ingestUri}; the senders meet once, when each
     * has had its bodies before the cut line acknowledged: that moment is the {@code asOf} asked about. Returns the
     * events accepted.
     */
    protected long ingest(NdjsonBatches batches) throws Exception {
        int count = batches.bySender().size();
        ExecutorService senders = Executors.newFixedThreadPool(count);
        CyclicBarrier cut = new CyclicBarrier(count, () -> asOf = TimelinesInProcess.acknowledged(Clock.systemUTC()));
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                int sender = s;
                List<byte[]> bodies = batches.bySender().get(s);
                int beforeCut = batches.beforeCut().get(s);
                sent.add(senders.submit(() -> {
                    try {
                        long accepted = send(sender, bodies, 0, beforeCut);
                        cut.await();
                        return accepted + send(sender, bodies, beforeCut, bodies.size());
                    } catch (Exception e) {
                        cut.reset();
                        throw e;
                    }
                }));
            }
            long accepted = 0;
            for (Future<Long> sender : sent) {
                accepted += sender.get();
            }
            return accepted;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The sender's bodies from {@code from} to {@code to}, one after the other. */
    private long send(int sender, List<byte[]> bodies, int from, int to) throws IOException, InterruptedException {
        long accepted = 0;
        for (int body = from; body < to; body++) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(ingestUri(sender, body))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(body))).build(), HttpResponse.BodyHandlers.ofString());
            accepted += json(reply, "POST /events").get("accepted").asLong();
        }
        return accepted;
    }

    @Override
    public Answer changes(String key) throws IOException, InterruptedException {
        String path = "/timelines/" + encode(key) + "/history?" + STATUS + "&mode=changes&format=pairs";
        Answer.Builder answer = Answer.inOrder();
        for (JsonNode pair : get(path)) {
            answer.point(micros(pair.get(0)), pair.get(1).asText());
        }
        return answer.build();
    }

    @Override
    public Answer transitions(String from, String to, Span window) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = pages("/transitions?" + STATUS + "&from=" + encode(from) + "&to=" + encode(to)
                + window(window), item -> answer.transition(micros(item.get("at")), item.get("timeline").asText(),
                        item.get("from").asText(), item.get("to").asText(), micros(item.get("duration"))));
        return served ? answer.build() : notServed("/transitions");
    }

    @Override
    public Answer next(String value, Span window) throws IOException, InterruptedException {
        Optional<JsonNode> next = crossTimeline("/transitions/next?" + STATUS + "&value=" + encode(value)
                + window(window));
        return next.map(HttpService::next).orElseGet(() -> notServed("/transitions/next"));
    }

    private static Answer next(JsonNode next) {
        Answer.Builder answer = Answer.anyOrder().entries(next.get("entries").asLong()).none(next.get("none").asLong());
        for (JsonNode neighbour : next.get("next")) {
            answer.next(neighbour.get("value").asText(), neighbour.get("count").asLong(),
                    micros(neighbour.get("duration").get("p50")));
        }
        return answer.build();
    }

    @Override
    public Answer processMap(Span window) throws IOException, InterruptedException {
        Optional<JsonNode> map = crossTimeline("/transitions/summary?" + STATUS + window(window));
        if (map.isEmpty()) {
            return notServed("/transitions/summary");
        }
        Answer.Builder answer = Answer.anyOrder();
        for (JsonNode pair : map.get().get("pairs")) {
            answer.pair(pair.get("from").asText(), pair.get("to").asText(), pair.get("count").asLong(),
                    micros(pair.get("duration").get("p50")));
        }
        for (JsonNode entry : map.get().get("entries")) {
            answer.entry(entry.get("to").asText(), entry.get("count").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer statesAt(long atMicros) throws IOException, InterruptedException {
        return states("/states?" + STATUS + "&at=" + Span.seconds(atMicros));
    }

    private Answer states(String path) throws IOException, InterruptedException {
        Optional<JsonNode> states = crossTimeline(path);
        if (states.isEmpty()) {
            return notServed("/states");
        }
        Answer.Builder answer = Answer.anyOrder().timelines(states.get().get("timelines").asLong());
        for (JsonNode count : states.get().get("counts")) {
            answer.state(count.get("value").asText(), count.get("count").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer inStateAt(String value, long atMicros) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = lines("/timelines?" + STATUS + "&value=" + encode(value) + "&at=" + Span.seconds(atMicros),
                key -> answer.timeline(key.asText()));
        return served ? answer.build() : notServed("/timelines?value&at");
    }

    @Override
    public Answer timeInStates(Span window) throws IOException, InterruptedException {
        Optional<JsonNode> durations = crossTimeline("/states/durations?" + STATUS + window(window));
        if (durations.isEmpty()) {
            return notServed("/states/durations");
        }
        Answer.Builder answer = Answer.anyOrder();
        for (JsonNode item : durations.get().get("items")) {
            answer.timeIn(item.get("value").asText(), micros(item.get("seconds")), item.get("timelines").asLong());
        }
        return answer.build();
    }

    @Override
    public Answer stuck(String value, long longerThanMicros, long atMicros) throws IOException, InterruptedException {
        Answer.Builder answer = Answer.inOrder();
        boolean served = lines("/states/stuck?" + STATUS + "&value=" + encode(value) + "&longerThan="
                + Span.seconds(longerThanMicros) + "&at=" + Span.seconds(atMicros), item -> answer.stuck(
                        item.get("timeline").asText(), micros(item.get("since")), micros(item.get("seconds"))));
        return served ? answer.build() : notServed("/states/stuck");
    }

    @Override
    public Answer ages(long atMicros) throws IOException, InterruptedException {
        Optional<JsonNode> states = crossTimeline("/states?" + STATUS + "&at=" + Span.seconds(atMicros)
                + "&ages=true");
        if (states.isEmpty()) {
            return notServed("/states?ages=true");
        }
        Answer.Builder answer = Answer.anyOrder().timelines(states.get().get("timelines").asLong());
        for (JsonNode count : states.get().get("counts")) {
            JsonNode age = count.get("age");
            answer.age(count.get("value").asText(), count.get("count").asLong(), micros(age.get("min")),
                    micros(age.get("p50")), micros(age.get("p90")), micros(age.get("p99")), micros(age.get("max")));
        }
        return answer.build();
    }

    @Override
    public Answer nextWhere(String value, Span window, String attribute, String condition)
            throws IOException, InterruptedException {
        String where = JSON.writeValueAsString(Map.of(attribute, condition));
        Optional<JsonNode> next = crossTimeline("/transitions/next?" + STATUS + "&value=" + encode(value)
                + window(window) + "&where=" + encode(where));
        return next.map(HttpService::next).orElseGet(() -> notServed("/transitions/next?where"));
    }

    @Override
    public Answer funnel(List<String> steps, long withinMicros, Span window) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/funnels?" + STATUS);
        steps.forEach(step -> path.append("&step=").append(encode(step)));
        Optional<JsonNode> funnel = crossTimeline(path + "&within=" + Span.seconds(withinMicros) + window(window));
        if (funnel.isEmpty()) {
            return notServed("/funnels");
        }
        Answer.Builder answer = Answer.inOrder();
        int index = 1;
        for (JsonNode step : funnel.get().get("steps")) {
            JsonNode duration = step.get("duration");
            Optional<Long> median = duration == null || duration.isNull() ? Optional.empty()
                    : Optional.of(micros(duration.get("p50")));
            answer.step(index++, step.get("value").asText(), step.get("timelines").asLong(), median);
        }
        return answer.build();
    }

    @Override
    public Answer statesAsOf(long atMicros) throws IOException, InterruptedException {
        return states("/states?" + STATUS + "&at=" + Span.seconds(atMicros) + "&asOf=" + Span.seconds(asOf.micros()));
    }

    /** Follows a paged list to its end; false when the service does not serve it. */
    private boolean pages(String first, Consumer<JsonNode> item) throws IOException, InterruptedException {
        String cursor = null;
        do {
            Optional<JsonNode> page = crossTimeline(first + "&limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (page.isEmpty()) {
                return false;
            }
            page.get().get("items").forEach(item);
            JsonNode next = page.get().get("next");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return true;
    }

    /**
     * A whole list in one reply, as a user who wants all of it asks: NDJSON ({@code Accept: application/x-ndjson}),
     * one value per line; false when the service does not serve it (404, or 406 for a build without the form).
     */
    private boolean lines(String path, Consumer<JsonNode> item) throws IOException, InterruptedException {
        HttpResponse<InputStream> reply = client.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", NDJSON).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = reply.body()) {
            if (reply.statusCode() == 404 || reply.statusCode() == 406) {
                return false;
            }
            if (reply.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + reply.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(body)) {
                values.forEachRemaining(item);
            }
        }
        return true;
    }

    /**
     * A question across timelines; empty when the service answers 404, which the API never gives for these
     * routes, so it means this build of the service does not have them yet.
     */
    protected Optional<JsonNode> crossTimeline(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() == 404 ? Optional.empty() : Optional.of(json(reply, "GET " + path));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json(client.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString()), "GET " + path);
    }

    private static JsonNode json(HttpResponse<String> reply, String request) throws IOException {
        if (reply.statusCode() != 200) {
            throw new IOException(request + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    private static Answer notServed(String route) {
        return Answer.unavailable("the service answers 404 for " + route + ": not served by this build");
    }

    private static String window(Span window) {
        return "&since=" + Span.seconds(window.sinceMicros()) + "&until=" + Span.seconds(window.untilMicros());
    }

    /** Seconds as the API writes them (a JSON number, up to 6 fraction digits) to microseconds. */
    private static long micros(JsonNode seconds) {
        return seconds.decimalValue().movePointRight(6).longValueExact();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
