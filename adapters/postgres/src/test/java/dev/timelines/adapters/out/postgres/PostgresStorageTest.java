package dev.timelines.adapters.out.postgres;

import static dev.timelines.application.port.out.StoreFixtures.arr;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.render;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What is particular to storing in PostgreSQL: its schema, its limits, its absence. */
class PostgresStorageTest {

    private static final Timestamp AT = new Timestamp(1_680_945_987_000_000L);

    @Test
    void theSchemaIsMigratedOnceAndReopenedAsItIs() throws Exception {
        DataSource schema = EmbeddedServer.newSchema();

        assertEquals(List.of(1), Migrations.apply(schema));
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
        assertEquals(List.of(), store.keys(new KeyRange("", Optional.empty(), 10)));
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
            assertEquals(expected, store.values(attribute).stream().map(ValueUsage::value).toList(), pointer);
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

    private static IncomingEvent event(String key, JsonValue status) {
        return new IncomingEvent(new TimelineKey(key), AT, Optional.empty(),
                new JsonValue.Obj(Map.of("status", status)));
    }
}
