package dev.timelines.adapters.out.postgres;

import static dev.timelines.application.port.out.StoreFixtures.arr;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.render;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.model.Scope;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What is particular to storing in PostgreSQL: its schema, its SQL of its own, its limits, its absence. */
class PostgresStorageTest {

    private static final Timestamp AT = new Timestamp(1_680_945_987_000_000L);

    @Test
    void theSchemaIsMigratedOnceAndReopenedAsItIs() throws Exception {
        DataSource schema = EmbeddedServer.newSchema();

        assertEquals(List.of(1, 2), Migrations.apply(schema));
        PostgresEventStore first = PostgresEventStore.open(schema, 16);
        first.append(List.of(event("t", str("kept"))), AT);

        assertEquals(List.of(), Migrations.apply(schema));
        PostgresEventStore reopened = PostgresEventStore.open(schema, 16);
        assertEquals(1, reopened.timeline(new TimelineKey("t")).orElseThrow().events().size());
    }

    @Test
    void dataPostgresqlCannotHoldIsRefusedAndNothingOfTheRequestIsStored() {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);

        for (JsonValue unstorable : List.of(str("nul \u0000 inside"),
                new JsonValue.Num(new BigDecimal("1e-20000")), new JsonValue.Num(new BigDecimal("1e200000")))) {
            assertThrows(InvalidValueException.class,
                    () -> store.append(List.of(event("t", str("fine")), event("u", unstorable)), AT));
        }
        assertEquals(Optional.empty(), store.timeline(new TimelineKey("t")));
        assertEquals(List.of(), store.keys(new KeyRange("", Optional.empty(), 10), Optional.empty()));
    }

    @Test
    void numbersComeBackWithTheirDigitsButWithoutExponent() {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        store.append(List.of(event("t", new JsonValue.Num(new BigDecimal("1.50"))),
                event("t", new JsonValue.Num(new BigDecimal("1E+3")))), AT);

        List<String> written = store.timeline(new TimelineKey("t")).orElseThrow().events().stream()
                .map(stored -> render(stored.data().members().get("status"))).toList();

        assertEquals(List.of("1.50", "1000"), written);
    }

    /**
     * The contract compares values by JSON equality; this is their spelling. Of 1.0 and 1, the scan and the fast
     * paths show the one the first stored event wrote, in every timeline and also as a neighbour.
     */
    @Test
    void staysAndAnswersShowValuesAsFirstWritten() {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        store.append(List.of(event("t", num("1.0"))), AT);
        store.append(List.of(event("u", num("1")), later("u", 1, str("a")), later("u", 2, num("1"))), AT);

        List<String> stays = new ArrayList<>();
        store.stays(new StayScan(STATUS, StaySelection.of(new StaySelection.EnteredIn(Window.ALL)), Set.of(),
                Optional.empty()), timeline -> timeline.stays().forEach(
                stay -> stays.add(stay.timeline() + " " + shown(stay.previous()) + " " + render(stay.value()) + " "
                        + shown(stay.next()))));
        PartialStateCounts states = new PartialStateCounts(AT, Scope.ALL, false);
        store.statesAt(STATUS, states);
        PartialProcessMap map = new PartialProcessMap(new TransitionFilter(Optional.empty(), Optional.empty(),
                Window.ALL), Scope.ALL);
        store.processMap(STATUS, map);

        assertEquals(List.of("t none 1.0 none", "u \"a\" 1.0 none", "u 1.0 \"a\" 1.0", "u none 1.0 \"a\""),
                stays.stream().sorted().toList());
        assertEquals(List.of("1.0"), states.answer().counts().stream().map(count -> render(count.value())).toList());
        assertEquals(List.of("\"a\" -> 1.0", "1.0 -> \"a\""), map.answer().pairs().stream()
                .map(pair -> render(pair.from()) + " -> " + render(pair.to())).sorted().toList());
    }

    private static String shown(Optional<Stay.Neighbour> neighbour) {
        return neighbour.map(stay -> render(stay.value())).orElse("none");
    }

    /** pointer_value is SQL of this adapter's own: jsonb's path operators would also take -1 or 01. */
    @Test
    void arrayIndexesInPointersAreThoseOfRfc6901() {
        PostgresEventStore store = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        store.append(List.of(new IncomingEvent(new TimelineKey("t"), AT, Optional.empty(),
                obj("tags", arr(str("x"), str("y")), "order", obj("1", num("1"))))), AT);

        for (String pointer : List.of("/tags/1", "/tags/01", "/tags/-1", "/order/1", "/order/01")) {
            Attribute attribute = new Attribute(pointer);
            List<JsonValue> expected = store.timeline(new TimelineKey("t")).orElseThrow().events().stream()
                    .flatMap(event -> attribute.valueIn(event.data()).stream()).toList();
            assertEquals(expected, store.values(attribute, Optional.empty()).stream().map(ValueUsage::value).toList(), pointer);
        }
    }

    @Test
    void aDatabaseNotInUtf8IsRefusedAtStart() {
        DataSource ascii = EmbeddedServer.newDatabase(
                "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PostgresEventStore.open(ascii, 16));
        assertTrue(refused.getMessage().contains("UTF8"), refused.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedIsUnavailableStorage() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1});

        assertThrows(StorageUnavailableException.class, () -> PostgresEventStore.open(nowhere, 16));
    }

    @Test
    void reachabilityFollowsTheServer() {
        assertTrue(PostgresEventStore.open(EmbeddedServer.newSchema(), 16).isReachable());
    }

    private static IncomingEvent later(String key, long micros, JsonValue status) {
        return new IncomingEvent(new TimelineKey(key), new Timestamp(AT.micros() + micros), Optional.empty(),
                obj("status", status));
    }

    private static IncomingEvent event(String key, JsonValue status) {
        return new IncomingEvent(new TimelineKey(key), AT, Optional.empty(),
                new JsonValue.Obj(Map.of("status", status)));
    }
}
