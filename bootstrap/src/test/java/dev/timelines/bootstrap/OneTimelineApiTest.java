package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.request;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** docs/api.md, one timeline: summary, events and paging, history views, transitions, state, delete, keys. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class OneTimelineApiTest {

    private static String query(String key, String resource, String query) {
        return timeline(key) + "/" + resource + "?" + query;
    }

    // --- summary and events ---

    @Test
    void summaryGivesKeyCountFirstLastAndAttributesInCodePointOrder() {
        String key = uniqueKey("summary");
        store(key, """
                {"timestamp": 30, "data": {"zeta": 1, "Alpha": 1}}
                {"timestamp": 10.5, "data": {"beta": 1, "ä": 1, "\\uFFFD": 1}}
                {"timestamp": 20, "data": {"_x": 1, "😀": 1, "zeta": 2}}
                """);

        // Code point order puts U+FFFD before U+1F600; UTF-16 order would not.
        get(timeline(key)).statusCode(200)
                .body("key", equalTo(key))
                .body("events", equalTo(3))
                .body("first", equalTo(new BigDecimal("10.5")))
                .body("last", equalTo(30))
                .body("attributes", contains("Alpha", "_x", "beta", "zeta", "ä", "\uFFFD", "😀"));
    }

    @Test
    void eventsComeInTimestampOrderAndEqualTimestampsKeepArrivalOrder() {
        String key = uniqueKey("order");
        double before = Instant.now().toEpochMilli() / 1000.0;
        store(key, """
                {"timestamp": 20, "data": {"n": "late-first"}, "id": "a"}
                {"timestamp": 10, "data": {"n": "early"}}
                {"timestamp": 20, "data": {"n": "late-second"}}
                """);

        JsonPath events = get(timeline(key) + "/events").statusCode(200)
                .body("items.data.n", contains("early", "late-first", "late-second"))
                .body("items.timestamp", contains(10, 20, 20))
                .body("items[1].id", equalTo("a"))
                .body("items[0]", not(hasKey("id")))
                .body("items[0].received", notNullValue())
                .body("next", nullValue())
                .extract().jsonPath();
        List<Integer> seqs = events.getList("items.seq", Integer.class);
        assertTrue(seqs.get(1) < seqs.get(2), "equal timestamps are ordered by seq: " + seqs);
        double after = Instant.now().toEpochMilli() / 1000.0;
        for (Object received : events.getList("items.received")) {
            double seconds = ((Number) received).doubleValue();
            assertTrue(seconds >= before - 1 && seconds <= after + 1, "received is the server clock: " + received);
        }
    }

    @Test
    void eventsWindowIsHalfOpen() {
        String key = uniqueKey("window");
        store(key, IntStream.of(10, 20, 30, 40).mapToObj(t -> "{\"timestamp\": " + t + ", \"data\": {}}")
                .collect(Collectors.joining("\n")));

        get(query(key, "events", "since=20&until=40")).statusCode(200).body("items.timestamp", contains(20, 30));
        get(query(key, "events", "since=20")).statusCode(200).body("items.timestamp", contains(20, 30, 40));
        get(query(key, "events", "until=20")).statusCode(200).body("items.timestamp", contains(10));
        String rfc3339 = "since=" + encode("1970-01-01T00:00:20Z") + "&until=" + encode("1970-01-01T01:00:40+01:00");
        get(query(key, "events", rfc3339)).statusCode(200).body("items.timestamp", contains(20, 30));
        get(query(key, "events", "since=30&until=30")).statusCode(200).body("items", empty());
    }

    @Test
    void pagesConcatenateToTheWholeListAndTheLastHasNoNext() {
        String key = uniqueKey("paging");
        List<Integer> timestamps = new ArrayList<>(IntStream.rangeClosed(1, 25).boxed().toList());
        Collections.shuffle(timestamps, new Random(7));
        store(key, timestamps.stream().map(t -> "{\"timestamp\": " + t + ", \"data\": {\"n\": " + t + "}}")
                .collect(Collectors.joining("\n")));

        List<Integer> all = IntStream.rangeClosed(1, 25).boxed().toList();
        assertEquals(all, allPages(key, "events?", "timestamp", 7, 4));
        assertEquals(IntStream.range(5, 20).boxed().toList(),
                allPages(key, "events?since=5&until=20&", "timestamp", 4, 4));
        assertEquals(all, allPages(key, "events?", "timestamp", 25, 1));
        assertEquals(all, allPages(key, "history?attribute=n&mode=all&", "timestamp", 10, 3));
        assertEquals(all.subList(1, 25), allPages(key, "transitions?attribute=n&", "at", 6, 4));
        assertEquals(all, allPages(key, "transitions?attribute=n&entries=true&", "at", 5, 5));
    }

    /** Follows {@code next} from the first page; checks the number of pages and that only the last has no next. */
    private static List<Integer> allPages(String key, String resource, String field, int limit, int expectedPages) {
        List<Integer> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = timeline(key) + "/" + resource + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonPath page = get(path).statusCode(200).extract().jsonPath();
            List<Integer> items = page.getList("items." + field, Integer.class);
            cursor = page.getString("next");
            pages++;
            assertTrue(items.size() <= limit, "a page holds at most limit items");
            assertTrue(cursor == null || items.size() == limit, "only the last page may be short");
            all.addAll(items);
        } while (cursor != null && pages < 100);
        assertEquals(expectedPages, pages);
        return all;
    }

    @Test
    void limitOutsideOneToTenThousandIsRejectedNamingLimit() {
        String key = uniqueKey("limit");
        store(key, "{\"timestamp\": 1, \"data\": {}}\n{\"timestamp\": 2, \"data\": {}}");

        for (String limit : List.of("0", "10001", "-1", "abc", "1.5", "99999999999")) {
            problem(get(query(key, "events", "limit=" + limit)), 400).body("errors.at", hasItem("limit"));
        }
        get(query(key, "events", "limit=10000")).statusCode(200).body("items", hasSize(2)).body("next", nullValue());
        get(query(key, "events", "limit=1")).statusCode(200).body("items", hasSize(1)).body("next", notNullValue());
    }

    @Test
    void cursorThisListDidNotIssueIsRejectedNamingCursor() {
        String key = uniqueKey("cursor");
        store(key, "{\"timestamp\": 1, \"data\": {}}");

        for (String cursor : List.of("garbage", "dDE6", "dDE6eDp5", "%%%", "t1:1:1", "!")) {
            problem(get(query(key, "events", "cursor=" + encode(cursor))), 400).body("errors.at", hasItem("cursor"));
        }
    }

    // --- history ---

    @Test
    void historyFollowsJsonPointersIntoNestedData() {
        String key = uniqueKey("pointer");
        store(key, """
                {"timestamp": 1, "data": {"order": {"status": "new", "total": 1}}}
                {"timestamp": 2, "data": {"order": {"status": "new", "total": 2}}}
                {"timestamp": 3, "data": {"order": {"status": "paid"}, "a/b": "x", "m~n": ["p", "q"]}}
                {"timestamp": 4, "data": {"other": 1}}
                {"timestamp": 5, "data": {"order": {"status": "paid"}, "a/b": "y", "m~n": ["p", "r"]}}
                {"timestamp": 6, "data": {"order": {"status": "shipped"}}}
                """);

        get(query(key, "history", "attribute=" + encode("/order/status"))).statusCode(200)
                .body("items.timestamp", contains(1, 3, 6))
                .body("items.value", contains("new", "paid", "shipped"));
        get(query(key, "history", "attribute=" + encode("/order/status") + "&mode=all")).statusCode(200)
                .body("items.timestamp", contains(1, 2, 3, 4, 5, 6))
                .body("items.value", contains("new", "new", "paid", "paid", "paid", "shipped"));
        get(query(key, "history", "attribute=" + encode("/a~1b"))).statusCode(200)
                .body("items.value", contains("x", "y"));
        get(query(key, "history", "attribute=" + encode("a/b"))).statusCode(200)
                .body("items.value", contains("x", "y"));
        get(query(key, "history", "attribute=" + encode("/m~0n/1"))).statusCode(200)
                .body("items.value", contains("q", "r"));
        get(query(key, "history", "attribute=" + encode("/order"))).statusCode(200)
                .body("items.timestamp", contains(1, 2, 3, 6));
    }

    @Test
    void explicitNullIsAValueAndAMissingKeyIsNoInformation() {
        String key = uniqueKey("null");
        store(key, """
                {"timestamp": 0, "data": {"w": 0}}
                {"timestamp": 1, "data": {"v": "a"}}
                {"timestamp": 2, "data": {"v": null}}
                {"timestamp": 3, "data": {}}
                {"timestamp": 4, "data": {"v": null}}
                {"timestamp": 5, "data": {"v": "b"}}
                {"timestamp": 6, "data": {"w": 1}}
                """);

        get(query(key, "history", "attribute=v")).statusCode(200)
                .body("items.timestamp", contains(1, 2, 5))
                .body("items.value", contains("a", null, "b"))
                .body("items[1]", hasKey("value"));
        get(query(key, "history", "attribute=v&mode=all")).statusCode(200)
                .body("items.timestamp", contains(1, 2, 3, 4, 5, 6))
                .body("items.value", contains("a", null, null, null, "b", "b"));
        get(query(key, "state", "attribute=v&at=3")).statusCode(200)
                .body("", hasKey("value"))
                .body("value", nullValue())
                .body("since", equalTo(2));
    }

    @Test
    void equalJsonValuesMakeNoChangePoint() {
        String key = uniqueKey("equality");
        store(key, """
                {"timestamp": 1, "data": {"v": 1}}
                {"timestamp": 2, "data": {"v": 1.0}}
                {"timestamp": 3, "data": {"v": 1e0}}
                {"timestamp": 4, "data": {"v": 2}}
                {"timestamp": 5, "data": {"v": 2.00}}
                {"timestamp": 6, "data": {"v": {"a": 1, "b": [1, 2]}}}
                {"timestamp": 7, "data": {"v": {"b": [1.0, 2], "a": 1}}}
                {"timestamp": 8, "data": {"v": "1"}}
                """);

        get(query(key, "history", "attribute=v")).statusCode(200)
                .body("items.timestamp", contains(1, 4, 6, 8))
                .body("items[0].value", equalTo(1))
                .body("items[1].value", equalTo(2))
                .body("items[2].value", equalTo(Map.of("a", 1, "b", List.of(1, 2))))
                .body("items[3].value", equalTo("1"));
        get(query(key, "transitions", "attribute=v")).statusCode(200)
                .body("items.at", contains(4, 6, 8));
    }

    @Test
    void historyWindowCutsAViewComputedOverTheWholeTimeline() {
        String key = uniqueKey("history-window");
        store(key, """
                {"timestamp": 10, "data": {"s": "a"}}
                {"timestamp": 20, "data": {"s": "a"}}
                {"timestamp": 30, "data": {"s": "b"}}
                {"timestamp": 40, "data": {"s": "b"}}
                {"timestamp": 50, "data": {"s": "a"}}
                """);

        // 20 repeats the value at 10: it is no change point, even with the window starting at 20.
        get(query(key, "history", "attribute=s&since=20")).statusCode(200)
                .body("items.timestamp", contains(30, 50))
                .body("items.value", contains("b", "a"));
        get(query(key, "history", "attribute=s&since=20&until=50")).statusCode(200)
                .body("items.timestamp", contains(30));
        get(query(key, "history", "attribute=s&mode=all&since=20&until=50")).statusCode(200)
                .body("items.timestamp", contains(20, 30, 40))
                .body("items.value", contains("a", "b", "b"));
        get(query(key, "history", "attribute=s&since=20&format=pairs")).statusCode(200)
                .body("", equalTo(List.of(List.of(30, "b"), List.of(50, "a"))));
        get(query(key, "history", "attribute=s&since=10&until=10")).statusCode(200)
                .body("items", empty());
    }

    @Test
    void historyOfAnAttributeNeverSeenIsEmptyAndAnAttributeIsRequired() {
        String key = uniqueKey("never-seen");
        store(key, "{\"timestamp\": 1, \"data\": {\"s\": \"a\"}}");

        get(query(key, "history", "attribute=missing")).statusCode(200).body("items", empty());
        get(query(key, "history", "attribute=missing&format=pairs")).statusCode(200).body("", empty());
        problem(get(timeline(key) + "/history"), 400).body("errors.at", hasItem("attribute"));
        problem(get(query(key, "history", "attribute=s&mode=some")), 400).body("errors.at", hasItem("mode"));
        problem(get(query(key, "history", "attribute=s&format=csv")), 400).body("errors.at", hasItem("format"));
    }

    @Test
    void pairsFormatIsOneUnpagedArray() {
        String key = uniqueKey("pairs");
        store(key, IntStream.rangeClosed(1, 5).mapToObj(t -> "{\"timestamp\": " + t + ", \"data\": {\"s\": " + t + "}}")
                .collect(Collectors.joining("\n")));

        get(query(key, "history", "attribute=s&format=pairs&limit=2")).statusCode(200)
                .body("", hasSize(5))
                .body("[4]", contains(5, 5));
    }

    // --- transitions ---

    private static String lifecycle() {
        String key = uniqueKey("lifecycle");
        store(key, """
                {"timestamp": 10, "data": {"status": "new"}}
                {"timestamp": 20, "data": {"status": "paid"}}
                {"timestamp": 20.5, "data": {"status": "paid"}}
                {"timestamp": 35.25, "data": {"status": "shipped"}}
                {"timestamp": 50, "data": {"status": "new"}}
                """);
        return key;
    }

    @Test
    void transitionsLeaveOutTheEntryUnlessAsked() {
        String key = lifecycle();

        for (String query : List.of("attribute=status", "attribute=status&entries=false")) {
            get(query(key, "transitions", query)).statusCode(200)
                    .body("items.timeline", contains(key, key, key))
                    .body("items.at", contains(20, new BigDecimal("35.25"), 50))
                    .body("items.from", contains("new", "paid", "shipped"))
                    .body("items.to", contains("paid", "shipped", "new"))
                    .body("items.duration", contains(10, new BigDecimal("15.25"), new BigDecimal("14.75")))
                    .body("items.entry", contains(false, false, false));
        }
        get(query(key, "transitions", "attribute=status&entries=true")).statusCode(200)
                .body("items.at", contains(10, 20, new BigDecimal("35.25"), 50))
                .body("items.entry", contains(true, false, false, false))
                .body("items[0].to", equalTo("new"))
                .body("items[0]", not(hasKey("from")));
    }

    @Test
    void transitionsAtTheSameMomentComeInArrivalOrder() {
        String key = uniqueKey("same-moment");
        store(key, """
                {"timestamp": 10, "data": {"s": "a"}}
                {"timestamp": 20, "data": {"s": "b"}}
                {"timestamp": 20, "data": {"s": "c"}}
                """);

        get(query(key, "transitions", "attribute=s")).statusCode(200)
                .body("items.at", contains(20, 20))
                .body("items.from", contains("a", "b"))
                .body("items.to", contains("b", "c"))
                .body("items.duration", contains(10, 0));
    }

    @Test
    void transitionsAreThoseWhoseTimeLiesInTheWindow() {
        String key = lifecycle();

        get(query(key, "transitions", "attribute=status&since=20&until=50")).statusCode(200)
                .body("items.at", contains(20, new BigDecimal("35.25")));
        get(query(key, "transitions", "attribute=status&since=10&until=20&entries=true")).statusCode(200)
                .body("items.at", contains(10))
                .body("items.entry", contains(true));
        get(query(key, "transitions", "attribute=status&since=21&until=35")).statusCode(200)
                .body("items", empty());
        problem(get(query(key, "transitions", "attribute=status&entries=yes")), 400)
                .body("errors.at", hasItem("entries"));
    }

    // --- state ---

    @Test
    void stateAtIsTheLastChangePointAtOrBeforeAndTiesGoToTheLaterArrival() {
        String key = uniqueKey("state");
        store(key, """
                {"timestamp": 10, "data": {"s": "a"}}
                {"timestamp": 20, "data": {"s": "b"}}
                {"timestamp": 20, "data": {"s": "c"}}
                {"timestamp": 30, "data": {"s": "c"}}
                {"timestamp": 40, "data": {"other": 1}}
                """);

        get(query(key, "state", "attribute=s&at=10")).statusCode(200)
                .body("value", equalTo("a")).body("since", equalTo(10));
        get(query(key, "state", "attribute=s&at=19.999999")).statusCode(200)
                .body("value", equalTo("a")).body("since", equalTo(10));
        get(query(key, "state", "attribute=s&at=20")).statusCode(200)
                .body("value", equalTo("c")).body("since", equalTo(20));
        get(query(key, "state", "attribute=s&at=35")).statusCode(200)
                .body("value", equalTo("c")).body("since", equalTo(20));
        get(query(key, "state", "attribute=s&at=-1d")).statusCode(200)
                .body("value", equalTo("c"));
        problem(get(query(key, "state", "attribute=s&at=9.999999")), 404);
        problem(get(query(key, "state", "attribute=never")), 404);
    }

    @Test
    void stateWithoutAtIsTheStateNow() {
        String key = uniqueKey("state-now");
        long now = Instant.now().getEpochSecond();
        store(key, """
                {"timestamp": %d, "data": {"s": "a"}}
                {"timestamp": %d, "data": {"s": "b"}}
                {"timestamp": "9999-12-31T00:00:00Z", "data": {"s": "future"}}
                """.formatted(now - 100, now - 50));

        get(timeline(key) + "/state?attribute=s").statusCode(200)
                .body("value", equalTo("b"))
                .body("since", equalTo((int) (now - 50)));
        get(query(key, "state", "attribute=s&at=now")).statusCode(200).body("value", equalTo("b"));
    }

    // --- times in queries ---

    @Test
    void relativeTimesCountBackFromNow() {
        String key = uniqueKey("relative");
        long now = Instant.now().getEpochSecond();
        store(key, """
                {"timestamp": %d, "data": {"n": "hour-ago"}}
                {"timestamp": %d, "data": {"n": "minute-ago"}}
                """.formatted(now - 3600, now - 60));

        get(query(key, "events", "since=-10m")).statusCode(200).body("items.data.n", contains("minute-ago"));
        get(query(key, "events", "since=-2h")).statusCode(200).body("items.data.n", contains("hour-ago", "minute-ago"));
        get(query(key, "events", "since=-7d&until=-30m")).statusCode(200).body("items.data.n", contains("hour-ago"));
        get(query(key, "events", "since=-30s")).statusCode(200).body("items", empty());
        get(query(key, "events", "until=now")).statusCode(200).body("items", hasSize(2));
        for (String bad : List.of("-10x", "10m", "-1.5h", "-m", "--10m", "-10 m", "yesterday")) {
            problem(get(query(key, "events", "since=" + encode(bad))), 400).body("errors.at", hasItem("since"));
        }
    }

    @Test
    void sinceAfterUntilIsRejected() {
        String key = uniqueKey("since-after-until");
        store(key, "{\"timestamp\": 1, \"data\": {\"s\": 1}}");

        for (String resource : List.of("events?", "history?attribute=s&", "transitions?attribute=s&")) {
            problem(get(timeline(key) + "/" + resource + "since=20&until=10"), 400)
                    .body("errors.at", hasItem(anyOf(equalTo("since"), equalTo("until"))));
        }
    }

    // --- delete ---

    @Test
    void deletedTimelineAndItsSubResourcesAreGone() {
        String key = lifecycle();

        request().when().delete(timeline(key)).then().statusCode(204);

        problem(get(timeline(key)), 404);
        problem(get(timeline(key) + "/events"), 404);
        problem(get(query(key, "history", "attribute=status")), 404);
        problem(get(query(key, "history", "attribute=status&format=pairs")), 404);
        problem(get(query(key, "transitions", "attribute=status")), 404);
        problem(get(query(key, "state", "attribute=status&at=60")), 404);
        problem(request().when().delete(timeline(key)).then(), 404);
    }

    @Test
    void deletingAnUnknownTimelineIsNotFound() {
        problem(request().when().delete(timeline(uniqueKey("never-stored"))).then(), 404);
    }

    @Test
    void deleteForgetsEventIds() {
        String key = uniqueKey("forget-ids");
        String event = "{\"timestamp\": 1, \"data\": {\"v\": 1}, \"id\": \"once\"}";
        post(timeline(key) + "/events", JSON, event).statusCode(200).body("accepted", equalTo(1));
        post(timeline(key) + "/events", JSON, event).statusCode(200).body("duplicates", equalTo(1));

        request().when().delete(timeline(key)).then().statusCode(204);

        post(timeline(key) + "/events", JSON, event).statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        get(timeline(key)).statusCode(200).body("events", equalTo(1));
    }

    // --- keys in paths ---

    @Test
    void encodedSlashInThePathReachesAKeyWithASlash() {
        String key = uniqueKey("slash") + "/b";
        post(timeline(key) + "/events", JSON, "{\"timestamp\": 1, \"data\": {}}").statusCode(200);
        post("/events", JSON, "{\"timeline\": \"" + key + "\", \"timestamp\": 2, \"data\": {}}").statusCode(200);

        get(timeline(key)).statusCode(200).body("key", equalTo(key)).body("events", equalTo(2));
        get(timeline(key) + "/events").statusCode(200).body("items.timestamp", contains(1, 2));
        problem(get("/timelines/" + key), 404);
        request().when().delete(timeline(key)).then().statusCode(204);
        problem(get(timeline(key)), 404);
    }

    @Test
    void keysWithSpacesReservedCharactersAndUnicodeWork() {
        for (String key : List.of(uniqueKey("order 42 ✓ 日本 😀 ä"), uniqueKey("q?x#y%z+w&v;=:@!$'()*,[]"),
                uniqueKey("~tilde.dot"), "." + uniqueKey(""), uniqueKey("..") + "..")) {
            post(timeline(key) + "/events", NDJSON, "{\"timestamp\": 1, \"data\": {\"s\": \"a\"}}\n").statusCode(200);
            post("/events", JSON, "[{\"timeline\": \"" + key + "\", \"timestamp\": 2, \"data\": {\"s\": \"b\"}}]")
                    .statusCode(200);

            get(timeline(key)).statusCode(200).body("key", equalTo(key)).body("events", equalTo(2));
            get(query(key, "transitions", "attribute=s")).statusCode(200).body("items.timeline", contains(key));
        }
    }

    // --- errors ---

    @Test
    void unknownTimelineIsANotFoundProblem() {
        String key = uniqueKey("unknown");
        problem(get(timeline(key)), 404);
        problem(get(timeline(key) + "/events"), 404);
        problem(get(query(key, "history", "attribute=s")), 404);
        problem(get(query(key, "transitions", "attribute=s")), 404);
        problem(get(query(key, "state", "attribute=s")), 404);
    }

    @Test
    void unknownRouteIsANotFoundProblemNotHtml() {
        problem(get("/no-such-route"), 404);
        problem(get(timeline(uniqueKey("route")) + "/no-such-resource"), 404);
        problem(get(timeline(uniqueKey("route")) + "/events/extra"), 404);
        problem(request().accept("text/html").when().get("/no-such-route").then(), 404);
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        String key = uniqueKey("method");
        store(key, "{\"timestamp\": 1, \"data\": {}}");

        problem(request().when().put(timeline(key)).then(), 405);
        problem(request().when().post(timeline(key)).then(), 405);
        problem(request().when().patch(timeline(key) + "/events").then(), 405);
        problem(request().when().delete(timeline(key) + "/events").then(), 405);
        problem(request().when().post(query(key, "history", "attribute=s")).then(), 405);
        problem(request().when().put("/events").then(), 405);
    }

    @Test
    void aMethodNotAllowedProblemListsTheMethodsThePathTakes() {
        String key = uniqueKey("allow");
        store(key, "{\"timestamp\": 1, \"data\": {}}");

        problem(request().when().put(timeline(key)).then(), 405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS"));
        problem(request().when().post(query(key, "history", "attribute=s")).then(), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        problem(request().when().delete(timeline("a/b") + "/events").then(), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        problem(request().when().put("/events").then(), 405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    }
}
