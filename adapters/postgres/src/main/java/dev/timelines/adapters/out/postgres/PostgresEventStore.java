package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Storage in a PostgreSQL server (SPEC section 4): events as jsonb rows, and for each attribute asked about
 * across timelines its change points, kept up to date by every ingest in the same transaction. Each question is
 * answered by SQL over one snapshot. A request is one transaction, durable when it commits. The schema is
 * created and migrated by {@link #open}; docs/operations.md and docs/scaling.md describe running it.
 */
public final class PostgresEventStore implements EventLog, TimelineReader, CrossTimelineQueries {

    /** How often a question retries when the index it was about to read is dropped under it. */
    private static final int ATTEMPTS = 5;

    /** A question answered from one attribute's index inside one read transaction. */
    private interface Question<T> {
        T answer(Connection connection, int attribute) throws SQLException;
    }

    private final Database database;
    private final EventWriter writer;
    private final AttributeIndexes indexes;

    private PostgresEventStore(DataSource source, int maxIndexedAttributes) {
        this.database = new Database(source);
        this.writer = new EventWriter(database);
        this.indexes = new AttributeIndexes(database, maxIndexedAttributes);
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

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return writer.append(events, received);
    }

    @Override
    public boolean delete(TimelineKey key) {
        return writer.delete(key);
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return database.read(connection -> StoredTimelines.timeline(connection, key));
    }

    @Override
    public List<TimelineKey> keys(KeyRange range) {
        return database.read(connection -> StoredTimelines.keys(connection, range));
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit) {
        return database.read(connection -> StoredTimelines.attributeNames(connection, after, limit));
    }

    @Override
    public List<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, KeyRange range) {
        return ask(attribute, (connection, id) -> StateQuestions.inState(connection, id, value, at, range));
    }

    @Override
    public List<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, KeyRange range) {
        return ask(attribute, (connection, id) -> StateQuestions.inStateDuring(connection, id, value, window, range));
    }

    @Override
    public List<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries,
            Optional<TransitionPosition> after, int limit) {
        return ask(attribute, (connection, id) ->
                TransitionQuestions.transitions(connection, id, filter, entries, after, limit));
    }

    @Override
    public ProcessMap processMap(Attribute attribute, TransitionFilter filter) {
        return ask(attribute, (connection, id) -> TransitionQuestions.processMap(connection, id, filter));
    }

    @Override
    public AdjacentValues next(Attribute attribute, JsonValue value, Window window) {
        return ask(attribute, (connection, id) -> TransitionQuestions.next(connection, id, value, window));
    }

    @Override
    public AdjacentValues previous(Attribute attribute, JsonValue value, Window window) {
        return ask(attribute, (connection, id) -> TransitionQuestions.previous(connection, id, value, window));
    }

    @Override
    public StateCounts statesAt(Attribute attribute, Timestamp at) {
        return ask(attribute, (connection, id) -> StateQuestions.statesAt(connection, id, at));
    }

    @Override
    public List<TimeInState> timeInStates(Attribute attribute, Window window, Timestamp now) {
        return ask(attribute, (connection, id) -> StateQuestions.timeInStates(connection, id, window, now));
    }

    @Override
    public List<ValueUsage> values(Attribute attribute) {
        return ask(attribute, StateQuestions::values);
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
