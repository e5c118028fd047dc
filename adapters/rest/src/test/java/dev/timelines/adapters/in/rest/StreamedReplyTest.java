package dev.timelines.adapters.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.timelines.application.port.in.Page;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The rows written straight to a reply are the JSON the reply records give through Jackson's object mapping (the
 * shapes of docs/api.md): times as {@link Seconds} spells them, entries without {@code from} and {@code duration},
 * values as the JSON they stand for.
 */
class StreamedReplyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(JsonValue.class, new JsonValueSerializer()));

    @Property
    void aTimeIsWrittenAsTheSecondsOfTheApi(@ForAll long micros) throws IOException {
        assertEquals(Seconds.ofMicros(micros).toString(), written(json -> json.seconds(micros)));
    }

    @Example
    void timesAtTheEdgesAreWrittenAsTheSecondsOfTheApi() throws IOException {
        for (long micros : new long[] {0, 1, -1, 10, 999_999, 1_000_000, -1_000_000, 1_500_000, -1_500_000,
                1_700_000_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertEquals(Seconds.ofMicros(micros).toString(), written(json -> json.seconds(micros)), "" + micros);
        }
    }

    @Property
    void aTransitionRowIsTheObjectOfItsReplyRecord(@ForAll("keys") String key,
            @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L) long at,
            @ForAll("values") Optional<JsonValue> from, @ForAll("values") Optional<JsonValue> to,
            @ForAll @LongRange(min = 0, max = 100_000_000_000_000L) long duration) throws IOException {
        Transition transition = new Transition(new TimelineKey(key), new Timestamp(at), 1, from,
                to.orElse(JsonValue.Null.INSTANCE), from.isEmpty() ? 0 : duration);
        assertEquals(MAPPER.writeValueAsString(Replies.TransitionItem.of(transition)),
                written(json -> Replies.TransitionItem.write(json, transition)));
    }

    @Example
    void aPageHasItsItemsAndTheNextCursorAndLinesEndEachInANewline() throws IOException {
        List<TimelineKey> keys = List.of(new TimelineKey("a"), new TimelineKey("b\"é"));
        assertEquals("{\"items\":[\"a\",\"b\\\"é\"],\"next\":\"c1\"}",
                reply(StreamedReply.page(new JsonFactory(), new Page<>(keys, Optional.of("c1")),
                        Replies.TimelineKeyPage::write)));
        assertEquals("{\"items\":[],\"next\":null}", reply(StreamedReply.page(new JsonFactory(),
                new Page<>(List.<TimelineKey>of(), Optional.empty()), Replies.TimelineKeyPage::write)));
        assertEquals("\"a\"\n\"b\\\"é\"\n",
                reply(StreamedReply.lines(new JsonFactory(), keys, Replies.TimelineKeyPage::write)));
        assertEquals("[\"a\",\"b\\\"é\"]",
                reply(StreamedReply.array(new JsonFactory(), keys, Replies.TimelineKeyPage::write)));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('/', '"', '\\', 'é', '\u4e2d')
                .ofMinLength(3).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Optional<JsonValue>> values() {
        Arbitrary<JsonValue> strings = Arbitraries.strings().ofMaxLength(8).map(JsonValue.Str::new);
        Arbitrary<JsonValue> numbers = Arbitraries.bigDecimals().ofScale(3).between(BigDecimal.valueOf(-1000),
                BigDecimal.valueOf(1000)).map(JsonValue.Num::new);
        Arbitrary<JsonValue> objects = strings.map(value -> new JsonValue.Obj(Map.of("k", value)));
        return Arbitraries.oneOf(strings, numbers, objects).optional();
    }

    private interface Writes {
        void to(ReplyJson json) throws IOException;
    }

    private static String written(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(bytes)) {
            writes.to(new ReplyJson(out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String reply(StreamedReply<?> reply) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        reply.write(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
