package dev.timelines.adapters.out.kafka;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.adapters.out.memory.SeqWindow;
import dev.timelines.application.model.StreamStep;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.question.Listing;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.PartialValueUsage;
import dev.timelines.application.question.Spellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The wire form of the questions nodes ask each other and of their partial answers (docs/scaling.md, "Kafka"). A
 * question is its {@link PartialQuestion} record, named by its class among those the interface permits. A partial
 * answer is its contents
 * ({@link PartialAnswer#contents()}, records of plain data) and the spellings of the store it came from, as JSON.
 * One mechanism for every question: Jackson writes and reads the records through their components, and the type
 * of a question's contents is read off the partial's class. A JSON value travels as the bytes events are stored in
 * ({@link EventBytes}), so that {@code 1.0} arrives as {@code 1.0}.
 */
public final class PartialCodec {

    /** What a node ships: what its part counted or found, and how its store spells the attribute's values. */
    record Shipped<C>(C contents, List<Spelling> spellings) {
    }

    /**
     * What a node asks another, by the name of its record: a question about an attribute, a listing, one timeline,
     * or the verdict on a request it wrote; with the positions the answer must reflect at least (read-your-writes:
     * none when the client named none).
     */
    record Asked(String kind, Optional<String> attribute, JsonNode asked, Map<Integer, Long> awaited) {
    }

    /** What another node asked of this node's part, once it has applied its partitions up to {@code awaited}. */
    public record Incoming(Request request, Map<Integer, Long> awaited) {

        public Incoming {
            awaited = awaited == null ? Map.of() : Map.copyOf(awaited);
        }
    }

    /** What another node asked of this node's part. */
    public sealed interface Request permits Question, Listed, OneTimeline, WriteVerdict, StreamStepAsked, EventsPage {
    }

    /** A question across timelines another node asked. */
    public record Question(Attribute attribute, PartialQuestion<?> question) implements Request {
    }

    /** A listing of keys, attribute names or values another node asked. */
    public record Listed(Listing<?> listing) implements Request {
    }

    /** One timeline, asked of the owner of its key's partition by a node that does not own it. */
    public record OneTimeline(TimelineKey key) implements Request {
    }

    /**
     * The verdict on a request another node wrote ({@link WrittenRequest}): asked of the owner of its partitions
     * once it has applied them up to the offsets written.
     */
    public record WriteVerdict(long request, Map<Integer, Long> offsets) implements Request {
    }

    /**
     * The step of the transitions stream of one partition that a stream at {@code at} continues with, asked of the
     * partition's owner ({@code StreamPartUseCase.step}).
     */
    public record StreamStepAsked(int partition, Attribute attribute, Optional<JsonValue> from,
            Optional<JsonValue> to, boolean entries, Optional<StreamPosition> at) implements Request {
    }

    /**
     * What the owner of a partition answers to a {@link StreamStepAsked}: the step (none when nothing is durable
     * after the position yet), or why the position cannot be continued: its history is gone, or no stream issued it.
     */
    record ShippedStep(Optional<StreamStep> step, Optional<String> gone, Optional<String> invalid) {
    }

    /**
     * A page of the export of the whole store, asked of the owner of other partitions: up to {@code limit} events of
     * its part from seq {@code from} on (docs/scaling.md, "Kafka").
     */
    public record EventsPage(long from, int limit) implements Request {

        /** The most events a page holds: what one node may make another hold and ship at once. */
        static final int MAX_LIMIT = 65_536;

        public EventsPage {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("a page of " + limit + " events (from 1 to " + MAX_LIMIT + ")");
            }
        }
    }

    /** A page of a part's events as its owner ships it: in the engine's batch form, and where the next starts. */
    record ShippedPage(byte[] events, OptionalLong next) {
    }

    /** A timeline as its owner ships it: its events in the engine's batch form, none when it is not stored. */
    record ShippedTimeline(byte[] events) {
    }

    /**
     * What may be asked, by name: the records {@link PartialQuestion} and {@link Listing} permit, and one timeline;
     * no other class is ever made from what another node sent.
     */
    private static final Map<String, Class<?>> KINDS = Map.copyOf(kinds(EventsPage.class, kinds(StreamStepAsked.class,
            kinds(WriteVerdict.class, kinds(OneTimeline.class, kinds(Listing.class, kinds(PartialQuestion.class,
            new HashMap<>())))))));

    private static final int MAX_NUMBER_LENGTH = 10_000;

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("timelines-values")
                    .addSerializer(JsonValue.class, new ValueSerializer())
                    .addDeserializer(JsonValue.class, new ValueDeserializer())
                    .addSerializer(Attribute.class, new ToStringSerializer(Attribute.class))
                    .addDeserializer(Attribute.class, new FromStringDeserializer<Attribute>(Attribute.class) {
                        @Override
                        protected Attribute _deserialize(String name, DeserializationContext context) {
                            return new Attribute(name);
                        }
                    })
                    .addKeySerializer(Attribute.class, new StdSerializer<>(Attribute.class) {
                        @Override
                        public void serialize(Attribute attribute, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeFieldName(attribute.name());
                        }
                    })
                    .addKeyDeserializer(Attribute.class, new KeyDeserializer() {
                        @Override
                        public Attribute deserializeKey(String name, DeserializationContext context) {
                            return new Attribute(name);
                        }
                    }));

    public PartialCodec() {
        // Records travel as their components alone: a method such as Transition.isEntry() is no property.
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build());
    }

    /** A partial answer of one store, with that store's spellings ({@link Spellings#listed}). */
    public byte[] write(PartialAnswer<?, ?, ?> partial, List<Spelling> spellings) {
        return bytes(new Shipped<>(partial.contents(), spellings));
    }

    /** Takes a shipped partial into an empty partial of the same question; returns it, to be merged. */
    public <P extends PartialAnswer<P, ?, ?>> P read(byte[] shipped, P empty) {
        PartialAnswer<?, ?, ?> partial = empty;
        fill(partial, shipped);
        return empty;
    }

    /** A question about an attribute, to be asked of the other parts of the store once at {@code awaited}. */
    public byte[] writeQuestion(Attribute attribute, PartialQuestion<?> question, Map<Integer, Long> awaited) {
        return asked(question, Optional.of(attribute.name()), awaited);
    }

    /** A listing, to be asked of the other parts of the store once at {@code awaited}. */
    public byte[] writeListing(Listing<?> listing, Map<Integer, Long> awaited) {
        return asked(listing, Optional.empty(), awaited);
    }

    /** One timeline, to be asked of the owner of its key's partition once at {@code awaited}. */
    public byte[] writeTimelineRequest(TimelineKey key, Map<Integer, Long> awaited) {
        return asked(new OneTimeline(key), Optional.empty(), awaited);
    }

    /** The verdict on a request written, to be asked of the owners of its partitions. */
    byte[] writeVerdictRequest(WrittenRequest written) {
        return asked(new WriteVerdict(written.request(), written.offsets()), Optional.empty(), Map.of());
    }

    /** A step of a partition's transitions stream, to be asked of the partition's owner. */
    public byte[] writeStreamStepRequest(StreamStepAsked asked) {
        return asked(asked, Optional.empty(), Map.of());
    }

    /** The owner's answer to a {@link StreamStepAsked}. */
    byte[] writeStep(ShippedStep step) {
        return bytes(step);
    }

    ShippedStep readStep(byte[] shipped) {
        try {
            return mapper.readValue(shipped, ShippedStep.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a shipped step of the transitions stream", e);
        }
    }

    /** What another node asked; refused when it is none of the kinds that may be asked. */
    public Incoming readRequest(byte[] asked) {
        try {
            Asked read = mapper.readValue(asked, Asked.class);
            Class<?> kind = KINDS.get(read.kind());
            if (kind == null) {
                throw new IllegalArgumentException("not a question, listing, timeline, verdict, stream step or page: "
                        + read.kind());
            }
            Object request = mapper.treeToValue(read.asked(), kind);
            if (request instanceof PartialQuestion<?> question) {
                return new Incoming(new Question(new Attribute(read.attribute().orElseThrow(
                        () -> new IllegalArgumentException("a question without an attribute"))), question),
                        read.awaited());
            }
            return new Incoming(request instanceof Listing<?> listing ? new Listed(listing) : (Request) request,
                    read.awaited());
        } catch (IOException | IllegalArgumentException e) {
            // What another node sent, hence input from outside: a 400 naming what is wrong, never a 500.
            throw new InvalidValueException("the body is not a question, listing, timeline, verdict, stream step or"
                    + " page of another node: " + e.getMessage());
        }
    }

    /** An owner's verdicts on a request, per partition. */
    byte[] writeVerdicts(Map<Integer, Verdicts.Verdict> verdicts) {
        return bytes(verdicts);
    }

    Map<Integer, Verdicts.Verdict> readVerdicts(byte[] shipped) {
        try {
            return mapper.readValue(shipped, mapper.getTypeFactory().constructMapType(Map.class, Integer.class,
                    Verdicts.Verdict.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not shipped verdicts", e);
        }
    }

    /** A timeline as the owner of its partition holds it, or none. */
    public byte[] writeTimeline(Optional<Timeline> timeline) {
        return bytes(new ShippedTimeline(EventBytes.batch(timeline.map(found -> found.events().stream()
                .map(event -> new TimelineEvent(found.key(), event)).toList()).orElse(List.of()))));
    }

    public Optional<Timeline> readTimeline(TimelineKey key, byte[] shipped) {
        try {
            List<Event> events = EventBytes.batch(mapper.readValue(shipped, ShippedTimeline.class).events()).stream()
                    .map(TimelineEvent::event).toList();
            return events.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, events));
        } catch (IOException e) {
            throw new UncheckedIOException("not a shipped timeline", e);
        }
    }

    /** A page of the export, to be asked of the owner of other partitions. */
    public byte[] writePageRequest(EventsPage page) {
        return asked(page, Optional.empty(), Map.of());
    }

    /** A page of this node's part of the export. */
    public byte[] writePage(SeqWindow page) {
        return bytes(new ShippedPage(EventBytes.batch(page.events()), page.next()));
    }

    public SeqWindow readPage(byte[] shipped) {
        try {
            ShippedPage page = mapper.readValue(shipped, ShippedPage.class);
            return new SeqWindow(EventBytes.batch(page.events()), page.next());
        } catch (IOException e) {
            throw new UncheckedIOException("not a shipped page of events", e);
        }
    }

    /** A sorted list a part's store gave (keys or attribute names). */
    public byte[] writeList(List<?> listed) {
        return bytes(listed);
    }

    /** What another part listed, to be merged with {@link Listing#merge}. */
    @SuppressWarnings("unchecked")
    public <T> T readListed(Listing<T> listing, byte[] shipped) {
        if (listing instanceof Listing.Values) {
            return (T) readUsage(shipped);
        }
        Class<?> item = listing instanceof Listing.Keys ? TimelineKey.class : String.class;
        try {
            return mapper.readValue(shipped, mapper.getTypeFactory().constructCollectionType(List.class, item));
        } catch (IOException e) {
            throw new UncheckedIOException("not a shipped listing", e);
        }
    }

    private byte[] asked(Object asked, Optional<String> attribute, Map<Integer, Long> awaited) {
        return bytes(new Asked(asked.getClass().getName(), attribute, mapper.valueToTree(asked), awaited));
    }

    /** One store's usage of an attribute's values, with its spellings. */
    public byte[] writeUsage(List<ValueUsage> usage, List<Spelling> spellings) {
        return bytes(new Shipped<>(usage, spellings));
    }

    public PartialValueUsage readUsage(byte[] shipped) {
        Shipped<List<ValueUsage>> read = read(shipped,
                mapper.getTypeFactory().constructCollectionType(List.class, ValueUsage.class));
        return new PartialValueUsage(read.contents(), Spellings.of(read.spellings()));
    }

    private <C extends Record> void fill(PartialAnswer<?, ?, C> empty, byte[] shipped) {
        JavaType contents = mapper.getTypeFactory().findTypeParameters(empty.getClass(), PartialAnswer.class)[2];
        Shipped<C> read = read(shipped, contents);
        empty.addContents(read.contents());
        empty.spell(Spellings.of(read.spellings()));
    }

    /** The records a sealed interface permits, directly or through the interfaces it permits; or the record itself. */
    private static Map<String, Class<?>> kinds(Class<?> kind, Map<String, Class<?>> found) {
        if (kind.isRecord()) {
            found.put(kind.getName(), kind);
        } else {
            for (Class<?> permitted : kind.getPermittedSubclasses()) {
                kinds(permitted, found);
            }
        }
        return found;
    }

    private byte[] bytes(Object shipped) {
        try {
            return mapper.writeValueAsBytes(shipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <C> Shipped<C> read(byte[] shipped, JavaType contents) {
        try {
            return mapper.readValue(shipped, mapper.getTypeFactory().constructParametricType(Shipped.class, contents));
        } catch (IOException e) {
            throw new UncheckedIOException("not a shipped partial answer", e);
        }
    }

    private static final class ValueSerializer extends StdSerializer<JsonValue> {

        ValueSerializer() {
            super(JsonValue.class);
        }

        @Override
        public void serialize(JsonValue value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeBinary(EventBytes.value(value));
        }
    }

    private static final class ValueDeserializer extends StdDeserializer<JsonValue> {

        ValueDeserializer() {
            super(JsonValue.class);
        }

        @Override
        public JsonValue deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return EventBytes.value(in.getBinaryValue());
        }
    }
}
