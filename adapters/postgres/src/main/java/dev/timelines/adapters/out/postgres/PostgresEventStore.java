package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Storage in a PostgreSQL server (docs/operations.md): events as jsonb rows, and for each attribute asked about
 * across timelines its change points, kept up to date by every ingest in the same transaction. The stays every
 * question can be folded from, and a fast path for each question, are SQL over one snapshot. A request is one
 * transaction, durable when it commits. The schema is created and migrated by {@link #open};
 * docs/operations.md and docs/scaling.md describe running it.
 */
public final class PostgresEventStore implements EventLog, TimelineReader, StoreScans, IndexedAnswers {

    /** How often a question retries when the index it was about to read is dropped under it. */
    private static final int ATTEMPTS = 5;

    /** A question answered from one attribute's index inside one read transaction. */
    private interface Question<T> {
        T answer(Connection connection, int attribute) throws SQLException;
    }

    /** Work on one attribute's index that hands its results over (stays, parts of an answer) as it reads them. */
    private interface Delivery {
        void deliver(Connection connection, int attribute) throws SQLException;
    }

    private static final Sql DURABLE = new Sql("SELECT durable_seq()");

    private final Database database;
    private final EventWriter writer;
    private final AttributeIndexes indexes;
    private final Watermark watermark;

    private PostgresEventStore(DataSource source, int maxIndexedAttributes) {
        this.database = new Database(source);
        this.writer = new EventWriter(database);
        this.indexes = new AttributeIndexes(database, maxIndexedAttributes);
        this.watermark = new Watermark(() -> database.read(connection -> DURABLE.first(connection, new Sql.Params(),
                result -> result.getLong(1)).orElseThrow()));
    }

    /**
     * Opens the store in the data source's database (and schema, as its search path names), creating or
     * migrating the tables first.
     *
     * @param maxIndexedAttributes attributes whose change points are kept at once; asking about one more
     *        drops the least recently asked
     */
    public static PostgresEventStore open(DataSource source, int maxIndexedAttributes) {
        try {
            Migrations.apply(source);
        } catch (SQLException e) {
            throw Database.translate(e);
        }
        return new PostgresEventStore(source, maxIndexedAttributes);
    }

    /** Whether the server answers; the service is not ready while it does not. */
    public boolean isReachable() {
        return database.reachable();
    }

    /** The database and the watermark its writes move, for the history of this store (PostgresStoreHistory). */
    Database database() {
        return database;
    }

    Watermark watermark() {
        return watermark;
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return moving(() -> writer.append(events, received));
    }

    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return moving(() -> writer.restore(events));
    }

    @Override
    public boolean delete(TimelineKey key) {
        return moving(() -> writer.delete(key));
    }

    /** A write, after which the durable seq is read again, whether it committed or not. */
    private <T> T moving(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            watermark.written();
        }
    }

    /** In one read transaction: the export is the store at one moment, however long it takes to write. */
    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        database.read(connection -> {
            StoredTimelines.inSeqOrder(connection, timeline, event);
            return null;
        });
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return database.read(connection -> StoredTimelines.lastEventBefore(connection, moment));
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return database.read(connection -> StoredTimelines.timeline(connection, key));
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        return database.read(connection -> asOf.isEmpty()
                ? StoredTimelines.keys(connection, range)
                : KnownTimelines.keys(connection, KeyBounds.of(range), range.limit(), asOf.get()));
    }

    /** As known at a moment, from the events received by then (a pass over them). */
    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        if (asOf.isEmpty()) {
            return database.read(connection -> StoredTimelines.attributeNames(connection, after, limit));
        }
        SortedSet<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
        database.read(connection -> {
            KnownTimelines.forEach(connection, asOf, timeline -> names.addAll(timeline.attributeNames()));
            return null;
        });
        return names.stream().filter(name -> after.map(start -> CodePointOrder.INSTANCE.compare(name, start) > 0)
                .orElse(true)).limit(limit).toList();
    }

    /**
     * The attribute's change points, each a stay, selected and streamed in SQL (see {@link StayScan}). As known at
     * a moment, or with the stays of other attributes, from the timelines' events instead (see
     * {@link KnownTimelines}), values shown as the change points show them.
     */
    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        if (scan.asOf().isEmpty() && scan.alongside().isEmpty()) {
            deliver(scan.attribute(), (connection, id) -> ChangePointScan.stays(connection, id, scan.selection(),
                    stays -> timeline.accept(new TimelineStays(stays.get(0).timeline(), stays, Map.of()))));
            return;
        }
        ShownValues shown = new ShownValues(values(scan.attribute(), Optional.empty()));
        database.read(connection -> {
            KnownTimelines.forEach(connection, scan.asOf(), known -> {
                List<Stay> stays = shown.in(known.stays(scan.attribute()));
                Map<Attribute, List<Stay>> alongside = new HashMap<>();
                scan.alongside().forEach(other -> alongside.put(other, known.stays(other)));
                if (!stays.isEmpty()) {
                    timeline.accept(new TimelineStays(known.key(), stays, alongside));
                }
            });
            return null;
        });
    }

    /** Read once, on the first value asked: a question showing no value costs no query. */
    @Override
    public ValueSpellings spellings(Attribute attribute) {
        return new ValueSpellings() {
            private Map<JsonValue, Spelling> first;

            @Override
            public Optional<Spelling> of(JsonValue value) {
                if (first == null) {
                    first = ask(attribute, StateQuestions::spellings);
                }
                return Optional.ofNullable(first.get(value));
            }
        };
    }

    /** As known at a moment, counted over the events received by then, values shown as they are now. */
    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        List<ValueUsage> now = ask(attribute, StateQuestions::values);
        if (asOf.isEmpty()) {
            return now;
        }
        ShownValues shown = new ShownValues(now);
        Map<JsonValue, long[]> counted = new LinkedHashMap<>();
        database.read(connection -> {
            KnownTimelines.forEach(connection, asOf, known -> {
                Set<JsonValue> carried = new HashSet<>();
                known.events().forEach(event -> attribute.valueIn(event.data()).ifPresent(value -> {
                    counted.computeIfAbsent(value, key -> new long[2])[0]++;
                    carried.add(value);
                }));
                carried.forEach(value -> counted.get(value)[1]++);
            });
            return null;
        });
        List<ValueUsage> usage = new ArrayList<>();
        counted.forEach((value, counts) -> usage.add(new ValueUsage(shown.of(value), counts[0], counts[1])));
        return usage;
    }

    /**
     * The fast paths: each fills its partial answer in SQL and returns true; the states' ages are folded from the
     * scans.
     */
    @Override
    public boolean keys(Attribute attribute, KeyRun partial) {
        deliver(attribute, (connection, id) -> StateQuestions.keys(connection, id, partial));
        return true;
    }

    @Override
    public boolean transitions(Attribute attribute, TransitionRun partial) {
        deliver(attribute, (connection, id) -> TransitionQuestions.transitions(connection, id, partial));
        return true;
    }

    @Override
    public boolean processMap(Attribute attribute, PartialProcessMap partial) {
        deliver(attribute, (connection, id) -> TransitionQuestions.processMap(connection, id, partial));
        return true;
    }

    @Override
    public boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        deliver(attribute, (connection, id) -> TransitionQuestions.adjacent(connection, id, partial));
        return true;
    }

    @Override
    public boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        if (partial.ages()) {
            return false;
        }
        deliver(attribute, (connection, id) -> StateQuestions.statesAt(connection, id, partial));
        return true;
    }

    @Override
    public boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        deliver(attribute, (connection, id) -> StateQuestions.timeInStates(connection, id, partial));
        return true;
    }

    /** Runs the delivery on the attribute's index as {@link #ask} runs a question. */
    private void deliver(Attribute attribute, Delivery delivery) {
        ask(attribute, (connection, id) -> {
            delivery.deliver(connection, id);
            return null;
        });
    }

    /**
     * Answers from the attribute's index, inside the snapshot that finds it; an attribute not indexed yet (or
     * dropped meanwhile, beyond the limit of indexes kept) has its index built first, and is asked again.
     */
    private <T> T ask(Attribute attribute, Question<T> question) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Answer<T>> answer = database.read(connection -> {
                Optional<AttributeIndexes.Found> index = AttributeIndexes.find(connection, attribute);
                if (index.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Answer<>(index.get(), question.answer(connection, index.get().id())));
            });
            if (answer.isPresent()) {
                if (answer.get().index().stale()) {
                    indexes.touch(answer.get().index().id());
                }
                return answer.get().value();
            }
            indexes.build(attribute);
        }
        throw new IllegalStateException("the index of '" + attribute + "' was dropped " + ATTEMPTS
                + " times before it could be read: more attributes are asked about at once than"
                + " timelines.index.max-attributes allows");
    }

    private record Answer<T>(AttributeIndexes.Found index, T value) {
    }
}
