package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.request;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, across timelines, over HTTP. The store is shared by every test of the run, so each test
 * uses an attribute and key prefix of its own; answers about that attribute see only its events.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class CrossTimelineApiTest {

    /** 2023-11-14T22:13:20Z: far enough back that "now" never falls inside these tests' windows. */
    private static final long T0 = 1_700_000_000L;

    // --- the seed questions ---

    @Test
    void allChangesFromStartToWaitInTheLastTenMinutes() {
        Fixture f = new Fixture("seed-recent");
        long now = Instant.now().getEpochSecond();
        f.store("old", now - 1200, "start", now - 900, "wait");
        f.store("late", now - 480, "start", now - 300, "wait", now - 200, "end");
        f.store("fresh", now - 180, "start", now - 120, "wait", now - 60, "wait");
        f.store("other", now - 170, "start", now - 100, "end");

        f.get("/transitions", "from", "start", "to", "wait", "since", "-10m").statusCode(200)
                .body("items.timeline", contains(f.key("late"), f.key("fresh")))
                .body("items.at", contains(seconds(now - 300), seconds(now - 120)))
                .body("items.from", contains("start", "start"))
                .body("items.to", contains("wait", "wait"))
                .body("items.duration", contains(seconds(180), seconds(60)))
                .body("items.entry", contains(false, false))
                .body("next", nullValue());
    }

    @Test
    void theNextStatusForAllWaitEventsInATimeframe() {
        Fixture f = new Fixture("seed-next");
        f.store("a", T0, "start", T0 + 10, "wait", T0 + 40, "end");
        f.store("b", T0, "start", T0 + 20, "wait", T0 + 30, "wait", T0 + 80, "end");
        f.store("c", T0 + 5, "wait", T0 + 15, "on_hold", T0 + 100, "wait");
        f.store("d", T0 + 25, "wait");
        // Outside the window: its entry into wait does not count, though it leaves wait inside it.
        f.store("e", T0 + 60, "wait", T0 + 70, "end");

        f.get("/transitions/next", "value", "wait", "since", String.valueOf(T0), "until", String.valueOf(T0 + 50))
                .statusCode(200)
                .body("value", equalTo("wait"))
                .body("entries", equalTo(4))
                .body("next.value", contains("end", "on_hold"))
                .body("next[0].count", equalTo(2))
                .body("next[0].duration.min", equalTo(seconds(30)))
                .body("next[0].duration.p50", equalTo(seconds(30)))
                .body("next[0].duration.max", equalTo(seconds(60)))
                .body("next[0].duration.mean", equalTo(seconds(45)))
                .body("next[1].count", equalTo(1))
                .body("next[1].duration.p99", equalTo(seconds(10)))
                .body("none", equalTo(1));
    }

    // --- searches ---

    @Test
    void prefixSearchListsKeysInCodePointOrderPageByPage() {
        String prefix = uniqueKey("prefix") + "/";
        List<String> keys = List.of(prefix + "a", prefix + "a/b", prefix + "b", prefix + "\uFFFD", prefix + "😀");
        for (String key : keys) {
            store(key, "{\"timestamp\": 1, \"data\": {}}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ValidatableResponse page = get("/timelines?prefix=" + encode(prefix) + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200);
            seen.addAll(page.extract().jsonPath().getList("items", String.class));
            cursor = page.extract().jsonPath().getString("next");
        } while (cursor != null);
        // U+FFFD sorts before U+1F600 by code point, after it in UTF-16.
        assertEquals(keys, seen);
        get("/timelines?prefix=" + encode(prefix + "a")).statusCode(200)
                .body("items", contains(prefix + "a", prefix + "a/b"));
    }

    @Test
    void everyKeyOfASearchComesAsNdjsonInOneReplyWhenAsked() throws IOException {
        String prefix = uniqueKey("lines") + "/";
        List<String> keys = List.of(prefix + "a", prefix + "a/b", prefix + "b", prefix + "\uFFFD", prefix + "😀");
        for (String key : keys) {
            store(key, "{\"timestamp\": 1, \"data\": {\"status\": \"paid\"}}");
        }

        // limit and cursor do not apply: the whole list, in the paged list's order.
        assertEquals(keys, keyLines("/timelines?prefix=" + encode(prefix) + "&limit=1"));
        assertEquals(keys, keyLines("/timelines?attribute=status&value=paid&at=2&prefix=" + encode(prefix)));
        assertEquals(List.of(), keyLines("/timelines?attribute=status&value=shipped&prefix=" + encode(prefix)));
        assertNamed(request().accept(NDJSON).when().get("/timelines?value=paid").then(), "value");
    }

    /** The keys of an NDJSON reply: a JSON string on each line, each line ended by a newline. */
    private static List<String> keyLines(String path) throws IOException {
        String reply = request().accept(NDJSON).when().get(path).then().statusCode(200)
                .header("Content-Type", startsWith(NDJSON)).extract().asString();
        List<String> keys = new ArrayList<>();
        for (String line : reply.split("\n")) {
            if (!line.isEmpty()) {
                keys.add(new ObjectMapper().readValue(line, String.class));
            }
        }
        assertEquals(reply.isEmpty() ? "" : "\n", reply.substring(Math.max(0, reply.length() - 1)));
        return keys;
    }

    @Test
    void stateSearchFindsTimelinesInAValueAtAMomentOrDuringAWindow() {
        Fixture f = new Fixture("search");
        f.store("one", T0, "paid", T0 + 100, "shipped");
        f.store("two", T0 + 50, "paid");
        f.store("three", T0 + 10, "paid", T0 + 10, "packed");

        f.get("/timelines", "value", "paid", "at", String.valueOf(T0 + 60), "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("one"), f.key("two")));
        f.get("/timelines", "value", "paid", "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("two")));
        // "three" was in paid for no time at all: not listed for the window.
        f.get("/timelines", "value", "paid", "since", String.valueOf(T0 + 5), "until", String.valueOf(T0 + 40),
                "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("one")));
        f.get("/timelines", "value", "shipped", "since", String.valueOf(T0 + 200), "prefix", f.prefix)
                .statusCode(200).body("items", contains(f.key("one")));
        f.get("/timelines", "value", "paid", "at", String.valueOf(T0 + 60), "prefix", f.prefix, "limit", "1")
                .statusCode(200).body("items", contains(f.key("one"))).body("next", notNullValue());
    }

    @Test
    void jsonValuesMatchByJsonEqualityAndPlainValuesMatchStrings() {
        Fixture f = new Fixture("json");
        f.storeRaw("num", T0, "1.0", T0 + 10, "null");
        f.storeRaw("str", T0, "\"1\"", T0 + 10, "{\"b\": 2, \"a\": [true]}");

        f.get("/timelines", "value", "json:1", "at", String.valueOf(T0 + 1), "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("num")));
        f.get("/timelines", "value", "1", "at", String.valueOf(T0 + 1), "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("str")));
        f.get("/timelines", "value", "json:null", "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("num")));
        f.get("/timelines", "value", "json:{\"a\":[true],\"b\":2.00}", "prefix", f.prefix).statusCode(200)
                .body("items", contains(f.key("str")));
        f.get("/transitions", "from", "json:1", "to", "json:null").statusCode(200)
                .body("items.timeline", contains(f.key("num")))
                .body("items[0]", hasKey("to"))
                .body("items[0].to", nullValue());
    }

    // --- transitions ---

    @Test
    void transitionsPageByAtThenTimelineAndShowEntriesOnlyWhenAsked() {
        Fixture f = new Fixture("paging");
        f.store("b", T0, "x", T0 + 10, "y", T0 + 20, "x");
        f.store("a", T0 + 10, "x", T0 + 15, "y");

        f.get("/transitions").statusCode(200)
                .body("items.timeline", contains(f.key("b"), f.key("a"), f.key("b")))
                .body("items.at", contains(seconds(T0 + 10), seconds(T0 + 15), seconds(T0 + 20)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ValidatableResponse page = f.get("/transitions", "entries", "true", "limit", "2",
                    "cursor", cursor).statusCode(200);
            page.body("items.size()", not(equalTo(0)));
            seen.addAll(page.extract().jsonPath()
                    .getList("items.collect { it.timeline + '@' + it.at + ':' + it.entry }", String.class));
            cursor = page.extract().jsonPath().getString("next");
        } while (cursor != null);
        assertEquals(List.of(
                f.key("b") + "@" + T0 + ":true", f.key("a") + "@" + (T0 + 10) + ":true",
                f.key("b") + "@" + (T0 + 10) + ":false", f.key("a") + "@" + (T0 + 15) + ":false",
                f.key("b") + "@" + (T0 + 20) + ":false"), seen);
        f.get("/transitions", "entries", "true", "to", "x", "until", String.valueOf(T0 + 5)).statusCode(200)
                .body("items[0].entry", equalTo(true))
                .body("items[0]", not(hasKey("from")))
                .body("items[0]", not(hasKey("duration")));
    }

    @Test
    void outOfOrderEventsRepairTheTransitionsAlreadyIndexed() {
        Fixture f = new Fixture("late");
        f.store("t", T0, "paid", T0 + 100, "shipped");
        f.get("/transitions").statusCode(200).body("items.duration", contains(seconds(100)));

        // Arrives late, between the two: splits paid -> shipped in two.
        f.store("t", T0 + 40, "on_hold");
        f.get("/transitions").statusCode(200)
                .body("items.from", contains("paid", "on_hold"))
                .body("items.to", contains("on_hold", "shipped"))
                .body("items.duration", contains(seconds(40), seconds(60)));
    }

    @Test
    void summaryIsTheProcessMapWithDurationsAndEntries() {
        Fixture f = new Fixture("summary");
        f.store("a", T0, "created", T0 + 10, "paid", T0 + 20, "shipped");
        f.store("b", T0, "created", T0 + 30, "paid");
        f.store("c", T0 + 5, "paid", T0 + 6, "created", T0 + 7, "paid");

        f.get("/transitions/summary").statusCode(200)
                .body("pairs.size()", equalTo(3))
                .body("pairs[0].from", equalTo("created"))
                .body("pairs[0].to", equalTo("paid"))
                .body("pairs[0].count", equalTo(3))
                .body("pairs[0].timelines", equalTo(3))
                .body("pairs[0].duration.min", equalTo(seconds(1)))
                .body("pairs[0].duration.p50", equalTo(seconds(10)))
                .body("pairs[0].duration.p90", equalTo(seconds(30)))
                .body("pairs[0].duration.p99", equalTo(seconds(30)))
                .body("pairs[0].duration.max", equalTo(seconds(30)))
                .body("pairs[0].duration.mean", equalTo(new BigDecimal("13.666667")))
                .body("pairs.collect { it.from + '>' + it.to }", containsInAnyOrder(
                        "created>paid", "paid>shipped", "paid>created"))
                .body("entries.to", contains("created", "paid"))
                .body("entries.count", contains(2, 1));
        f.get("/transitions/summary", "since", String.valueOf(T0 + 6), "until", String.valueOf(T0 + 20))
                .statusCode(200)
                .body("pairs.collect { it.from + '>' + it.to }", containsInAnyOrder("paid>created", "created>paid"))
                .body("entries", empty());
        f.get("/transitions/summary", "from", "paid").statusCode(200)
                .body("pairs.collect { it.from + '>' + it.to }", containsInAnyOrder("paid>shipped", "paid>created"))
                .body("entries", empty());
    }

    @Test
    void previousReportsTheTimeSpentInThePreviousValue() {
        Fixture f = new Fixture("previous");
        f.store("a", T0, "created", T0 + 10, "on_hold", T0 + 30, "paid", T0 + 35, "on_hold");
        f.store("b", T0 + 20, "on_hold");

        f.get("/transitions/previous", "value", "on_hold").statusCode(200)
                .body("value", equalTo("on_hold"))
                .body("entries", equalTo(3))
                .body("previous.value", contains("created", "paid"))
                .body("previous.duration.max", contains(seconds(10), seconds(5)))
                .body("none", equalTo(1));
    }

    // --- states ---

    @Test
    void statesCountTimelinesPerValueAtAMoment() {
        Fixture f = new Fixture("states");
        f.store("a", T0, "paid", T0 + 10, "shipped");
        f.store("b", T0, "paid");
        f.store("c", T0 + 20, "paid");

        f.get("/states", "at", String.valueOf(T0 + 15)).statusCode(200)
                .body("at", equalTo(seconds(T0 + 15)))
                .body("counts.value", contains("paid", "shipped"))
                .body("counts.count", contains(1, 1))
                .body("timelines", equalTo(2));
        f.get("/states").statusCode(200)
                .body("counts.value", contains("paid", "shipped"))
                .body("counts.count", contains(2, 1))
                .body("timelines", equalTo(3));
    }

    @Test
    void durationsClipStatesToTheWindow() {
        Fixture f = new Fixture("durations");
        f.store("a", T0, "paid", T0 + 10, "shipped", T0 + 40, "delivered");
        f.store("b", T0 + 5, "shipped");

        f.get("/states/durations", "since", String.valueOf(T0 + 5), "until", String.valueOf(T0 + 25))
                .statusCode(200)
                .body("items.value", contains("shipped", "paid"))
                .body("items.seconds", contains(seconds(35), seconds(5)))
                .body("items.timelines", contains(2, 1))
                .body("items.mean", contains(new BigDecimal("17.5"), seconds(5)))
                .body("$", not(hasKey("next")));
    }

    // --- attributes ---

    @Test
    void attributesListNamesAndTheValuesOfNestedAttributes() {
        String key = uniqueKey("attributes");
        String name = "attr-" + key;
        store(key, """
                {"timestamp": 1, "data": {"%1$s": {"status": "a"}}}
                {"timestamp": 2, "data": {"%1$s": {"status": 1}}}
                {"timestamp": 3, "data": {"%1$s": {"status": 1.0}}}
                {"timestamp": 4, "data": {"%1$s": {"status": "a"}}}
                """.formatted(name));
        store(key + "-2", "{\"timestamp\": 1, \"data\": {\"" + name + "\": {\"status\": \"a\"}}}");

        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            ValidatableResponse page = get("/attributes?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor))
                    .statusCode(200);
            names.addAll(page.extract().jsonPath().getList("items", String.class));
            cursor = page.extract().jsonPath().getString("next");
        } while (cursor != null);
        assertThat(names, hasItem(name));
        get("/attributes?limit=1").statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue());

        get("/attributes/" + encode("/" + name + "/status") + "/values").statusCode(200)
                .body("items.value", contains("a", 1))
                .body("items.count", contains(3, 2))
                .body("items.timelines", contains(2, 1))
                .body("next", nullValue());
        get("/attributes/" + encode("/" + name + "/status") + "/values?limit=1").statusCode(200)
                .body("items.value", contains("a")).body("next", notNullValue());
    }

    // --- routing and errors ---

    @Test
    void timelinePathsStillReachTheOneTimelineResource() {
        Fixture f = new Fixture("routing");
        f.store("x", T0, "a");
        get("/timelines/" + encode(f.key("x"))).statusCode(200).body("key", equalTo(f.key("x")));
        get("/timelines/" + encode(f.key("x")) + "/state?attribute=" + encode(f.attribute)).statusCode(200)
                .body("value", equalTo("a"));
        get("/timelines").statusCode(200).body("items", not(empty()));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertNamed(get("/timelines?attribute=status"), "value");
        assertNamed(get("/timelines?value=paid"), "value");
        assertNamed(get("/timelines?attribute=status&value=paid&at=1&since=0"), "at");
        assertNamed(get("/timelines?attribute=status&value=" + encode("json:{\"a\":") + ""), "value");
        assertNamed(get("/timelines?attribute=status&value=" + encode("json:1 2")), "value");
        assertNamed(get("/timelines?limit=0"), "limit");
        assertNamed(get("/timelines?limit=10001"), "limit");
        assertNamed(get("/timelines?cursor=bm9wZQ"), "cursor");
        assertNamed(get("/transitions"), "attribute");
        assertNamed(get("/transitions?attribute=status&from=" + encode("json:[1")), "from");
        assertNamed(get("/transitions?attribute=status&to=" + encode("json:")), "to");
        assertNamed(get("/transitions?attribute=status&since=10&until=5"), "since");
        assertNamed(get("/transitions?attribute=status&entries=yes"), "entries");
        assertNamed(get("/transitions?attribute=status&limit=x"), "limit");
        assertNamed(get("/transitions/summary?attribute=status&until=soon"), "until");
        assertNamed(get("/transitions/next?attribute=status"), "value");
        assertNamed(get("/transitions/previous?value=x"), "attribute");
        assertNamed(get("/states?attribute=status&at=yesterday"), "at");
        assertNamed(get("/states/durations?attribute=" + encode("/a~2")), "attribute");
        assertNamed(get("/attributes?cursor=" + encode("!")), "cursor");
    }

    private static void assertNamed(ValidatableResponse response, String parameter) {
        problem(response, 400).body("errors.at", contains(parameter));
    }

    /** Whole seconds come back from JSON as integers; fractions as BigDecimal. */
    private static int seconds(long seconds) {
        return Math.toIntExact(seconds);
    }

    /** A test's own attribute and keys, so that answers about the attribute see only this test's events. */
    private static final class Fixture {
        final String prefix;
        final String attribute;

        Fixture(String label) {
            prefix = uniqueKey(label) + "/";
            attribute = "status-" + prefix;
        }

        String key(String name) {
            return prefix + name;
        }

        /** Stores events of one timeline from (epoch seconds, string value) pairs. */
        void store(String name, Object... timesAndValues) {
            Object[] json = timesAndValues.clone();
            for (int i = 1; i < json.length; i += 2) {
                json[i] = "\"" + json[i] + "\"";
            }
            storeRaw(name, json);
        }

        /** Stores events of one timeline from (epoch seconds, JSON value) pairs. */
        void storeRaw(String name, Object... timesAndJson) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < timesAndJson.length; i += 2) {
                lines.append("{\"timestamp\": ").append(timesAndJson[i]).append(", \"data\": {\"")
                        .append(attribute).append("\": ").append(timesAndJson[i + 1]).append("}}\n");
            }
            Api.store(key(name), lines.toString());
        }

        /** GET with this fixture's attribute and the given parameters (null values left out), percent-encoded. */
        ValidatableResponse get(String path, String... namesAndValues) {
            StringBuilder query = new StringBuilder(path).append("?attribute=").append(encode(attribute));
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    query.append('&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
                }
            }
            return Api.get(query.toString());
        }
    }
}
