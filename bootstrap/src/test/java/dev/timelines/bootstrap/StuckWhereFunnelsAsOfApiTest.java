package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The questions of docs/semantics.md's stuck timelines, state ages, conditions ({@code where}), funnels and "as
 * known at" over HTTP, on the worked examples of docs/api.md, and every bad parameter they take. The store is
 * shared by the tests of the run, so each test uses attributes of its own.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class StuckWhereFunnelsAsOfApiTest {

    /** 2023-11-14T22:13:20Z: the examples' time 0. */
    private static final long T0 = 1_700_000_000L;

    @Test
    void aStateHeldExactlyAsLongAsLongerThanIsNotStuckButOneMicrosecondLessIs() {
        Fixture f = new Fixture("stuck");
        f.store("order", 0, "paid", 100, "on_hold", 400, "on_hold", 900, "shipped");

        f.get("/states/stuck", "longerThan", "500", "at", seconds(600)).statusCode(200)
                .body("items", empty()).body("next", nullValue());
        f.get("/states/stuck", "longerThan", "499", "at", seconds(600)).statusCode(200)
                .body("items.timeline", contains(f.key("order")))
                .body("items.value", contains("on_hold"))
                .body("items.since", contains(whole(T0 + 100)))
                .body("items.seconds", contains(whole(500)));
        f.get("/states/stuck", "value", "on_hold", "longerThan", "8m", "at", seconds(600)).statusCode(200)
                .body("items.timeline", contains(f.key("order")));
        f.get("/states/stuck", "value", "paid", "longerThan", "0", "at", seconds(600)).statusCode(200)
                .body("items", empty());
        f.get("/states/stuck", "longerThan", "0", "at", seconds(900)).statusCode(200).body("items", empty());
    }

    @Test
    void stuckTimelinesComeBySinceThenKeyAndPage() {
        Fixture f = new Fixture("stuck-order");
        f.store("b", 10, "on_hold");
        f.store("a", 10, "on_hold");
        f.store("c", 5, "on_hold");
        f.store("d", 50, "on_hold");

        ValidatableResponse first = f.get("/states/stuck", "longerThan", "1m", "at", seconds(100), "limit", "2")
                .statusCode(200).body("items.timeline", contains(f.key("c"), f.key("a")))
                .body("next", notNullValue());
        String cursor = first.extract().path("next");
        f.get("/states/stuck", "longerThan", "1m", "at", seconds(100), "limit", "2", "cursor", cursor)
                .statusCode(200).body("items.timeline", contains(f.key("b"))).body("next", nullValue());
    }

    @Test
    void everyStuckTimelineComesAsNdjsonInOneReplyWhenAsked() {
        Fixture f = new Fixture("stuck-lines");
        f.store("b", 10, "on_hold");
        // Half a second later: a time with a fraction.
        Api.store(f.key("a"), "{\"timestamp\": " + (T0 + 10) + ".5, \"data\": {\"" + f.attribute
                + "\": \"on_hold\"}}\n");
        f.store("c", 5, "on_hold");

        // limit does not apply: every stuck timeline, by since then key, one per line.
        String lines = Api.request().accept(Api.NDJSON).when()
                .get(f.query("/states/stuck", "longerThan", "1m", "at", seconds(100), "limit", "1"))
                .then().statusCode(200).header("Content-Type", startsWith(Api.NDJSON)).extract().asString();
        assertEquals("{\"timeline\":\"" + f.key("c") + "\",\"value\":\"on_hold\",\"since\":" + (T0 + 5)
                + ",\"seconds\":95}\n"
                + "{\"timeline\":\"" + f.key("b") + "\",\"value\":\"on_hold\",\"since\":" + (T0 + 10)
                + ",\"seconds\":90}\n"
                + "{\"timeline\":\"" + f.key("a") + "\",\"value\":\"on_hold\",\"since\":" + (T0 + 10) + ".5"
                + ",\"seconds\":89.5}\n", lines);
    }

    @Test
    void statesWithAgesGiveTheStatisticsOfHowLongEachValueWasHeld() {
        Fixture f = new Fixture("ages");
        f.store("x", 0, "on_hold");
        f.store("y", 40, "on_hold");
        f.store("z", 70, "paid", 90, "shipped");

        f.get("/states", "at", seconds(100), "ages", "true").statusCode(200)
                .body("counts.value", contains("on_hold", "shipped"))
                .body("counts[0].count", equalTo(2))
                .body("counts[0].age.min", equalTo(whole(60)))
                .body("counts[0].age.max", equalTo(whole(100)))
                .body("counts[0].age.mean", equalTo(whole(80)))
                .body("counts[1].age.p50", equalTo(whole(10)));
        f.get("/states", "at", seconds(100)).statusCode(200).body("counts[0]", not(hasKey("age")));
    }

    @Test
    void aConditionSetByALaterEventAtTheSameTimeDoesNotHoldAtTheEntryButHoldsAtThatMoment() {
        Fixture f = new Fixture("where-tie");
        String priority = "priority-" + f.prefix;
        Api.store(f.key("order"), "{\"timestamp\": " + (T0 + 50) + ", \"data\": {\"" + f.attribute
                + "\": \"on_hold\"}}\n{\"timestamp\": " + (T0 + 50) + ", \"data\": {\"" + priority + "\": \"high\"}}\n");
        String where = "{\"" + priority + "\":\"high\"}";

        f.get("/transitions", "entries", "true", "where", where).statusCode(200).body("items", empty());
        f.get("/transitions", "entries", "true").statusCode(200).body("items", hasSize(1));
        f.get("/states", "at", seconds(50), "where", where).statusCode(200)
                .body("counts.value", contains("on_hold")).body("timelines", equalTo(1));
        f.get("/states", "at", seconds(50), "where", "{\"" + priority + "\":\"low\"}").statusCode(200)
                .body("timelines", equalTo(0));
        f.get("/timelines", "value", "on_hold", "at", seconds(60), "where", where).statusCode(200)
                .body("items", contains(f.key("order")));
    }

    @Test
    void timeInStateWithAConditionCountsOnlyTheTimeTheConditionHolds() {
        Fixture f = new Fixture("where-durations");
        String region = "/region-" + f.prefix.replace("/", "") + "/code";
        String member = region.substring(1, region.indexOf('/', 1));
        Api.store(f.key("order"), line(0, f.attribute, "\"on_hold\"") + line(0, member, "{\"code\":\"EU\"}")
                + line(30, member, "{\"code\":\"US\"}") + line(50, f.attribute, "\"shipped\"")
                + line(60, member, "{\"code\":\"EU\"}"));

        f.get("/states/durations", "since", seconds(0), "until", seconds(100), "where",
                "{\"" + region + "\":\"EU\"}").statusCode(200)
                .body("items.value", contains("shipped", "on_hold"))
                .body("items.seconds", contains(whole(40), whole(30)));
    }

    @Test
    void aFunnelFollowsTheEarliestFirstStepThatReachesTheDeepestLevel() {
        Fixture f = new Fixture("funnel");
        f.store("t", 1, "b", 2, "a", 3, "c", 100, "a", 104, "b", 105, "c");

        f.funnel(List.of()).statusCode(200)
                .body("steps.value", contains("a", "b", "c"))
                .body("steps.timelines", contains(1, 1, 1))
                .body("steps[0].conversion", nullValue())
                .body("steps[0].duration", nullValue())
                .body("steps[1].conversion", equalTo(new BigDecimal("1.0")))
                .body("steps[1].duration.p50", equalTo(whole(102)))
                .body("steps[2].duration.p50", equalTo(whole(1)));
        f.funnel(List.of("within", "50")).statusCode(200)
                .body("steps[1].duration.p50", equalTo(whole(4)))
                .body("steps[2].duration.p50", equalTo(whole(1)));
        f.funnel(List.of("since", seconds(3))).statusCode(200)
                .body("steps.timelines", contains(1, 1, 1))
                .body("steps[1].duration.p50", equalTo(whole(4)));
        f.funnel(List.of("since", seconds(101))).statusCode(200)
                .body("steps.timelines", contains(0, 0, 0))
                .body("steps[1].conversion", nullValue());
    }

    @Test
    void asOfAnswersAsTheStoreWasBeforeALateEventArrived() throws InterruptedException {
        Fixture f = new Fixture("as-of");
        f.store("order", 0, "paid", 100, "on_hold");
        BigDecimal receivedA = Api.get(timeline(f.key("order")) + "/events").statusCode(200)
                .extract().path("items[0].received");
        Thread.sleep(5);
        f.store("order", 50, "shipped");

        f.get("/transitions", "asOf", receivedA.toPlainString()).statusCode(200)
                .body("items.from", contains("paid")).body("items.to", contains("on_hold"));
        f.get("/transitions").statusCode(200)
                .body("items.from", contains("paid", "shipped")).body("items.to", contains("shipped", "on_hold"));
        get(timeline(f.key("order")) + "/history?attribute=" + encode(f.attribute) + "&asOf="
                + receivedA.toPlainString()).statusCode(200).body("items.value", contains("paid", "on_hold"));
        f.get("/states", "at", seconds(60), "asOf", receivedA.toPlainString()).statusCode(200)
                .body("counts.value", contains("paid"));
        get("/timelines?prefix=" + encode(f.prefix) + "&asOf=" + (T0 - 1_000_000_000L)).statusCode(200)
                .body("items", empty());
    }

    @Test
    void everyBadParameterIsAProblemNamingIt() {
        Fixture f = new Fixture("bad");
        f.store("x", 0, "a");
        badParameter(f.get("/states/stuck", "longerThan", "-1h"), "longerThan");
        badParameter(f.get("/states/stuck", "longerThan", "2w"), "longerThan");
        badParameter(f.get("/states/stuck"), "longerThan");
        badParameter(f.funnelWith(List.of("a", "b"), "within", "abc"), "within");
        badParameter(f.get("/transitions", "where", "[1]"), "where");
        badParameter(f.get("/transitions", "where", "{\"a\":"), "where");
        badParameter(f.get("/states", "where", "{\"\":1}"), "where");
        badParameter(f.funnelWith(List.of("a")), "step");
        badParameter(f.funnelWith(java.util.Collections.nCopies(17, "a")), "step");
        badParameter(f.get("/transitions", "asOf", "yesterday"), "asOf");
        badParameter(get("/timelines?prefix=x&where=" + encode("{}")), "where");
        badParameter(f.get("/states", "ages", "yes"), "ages");
        f.get("/transitions", "where", "{}").statusCode(200);
        f.funnelWith(java.util.Collections.nCopies(16, "a")).statusCode(200);
    }

    private static void badParameter(ValidatableResponse response, String name) {
        problem(response, 400).body("errors.at", contains(name));
    }

    /** A whole number of seconds as the reply carries it (decimals come back as BigDecimal, integers as int). */
    private static int whole(long seconds) {
        return Math.toIntExact(seconds);
    }

    private static String seconds(long offset) {
        return String.valueOf(T0 + offset);
    }

    private static String line(long offset, String name, String json) {
        return "{\"timestamp\": " + (T0 + offset) + ", \"data\": {\"" + name + "\": " + json + "}}\n";
    }

    /** A prefix of keys and an attribute of one test's own. */
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

        /** Stores events of one timeline from (offset seconds, string value) pairs. */
        void store(String name, Object... offsetsAndValues) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < offsetsAndValues.length; i += 2) {
                lines.append(line(((Number) offsetsAndValues[i]).longValue(), attribute,
                        "\"" + offsetsAndValues[i + 1] + "\""));
            }
            Api.store(key(name), lines.toString());
        }

        /** GETs a question about this fixture's attribute with the given parameters. */
        ValidatableResponse get(String path, String... namesAndValues) {
            return Api.get(query(path, namesAndValues));
        }

        /** The path of a question about this fixture's attribute with the given parameters. */
        String query(String path, String... namesAndValues) {
            StringBuilder query = new StringBuilder(path).append("?attribute=").append(encode(attribute));
            for (int i = 0; i < namesAndValues.length; i += 2) {
                query.append('&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
            }
            return query.toString();
        }

        ValidatableResponse funnel(List<String> more) {
            return funnelWith(List.of("a", "b", "c"), more.toArray(String[]::new));
        }

        ValidatableResponse funnelWith(List<String> steps, String... more) {
            String[] parameters = new String[steps.size() * 2 + more.length];
            for (int i = 0; i < steps.size(); i++) {
                parameters[2 * i] = "step";
                parameters[2 * i + 1] = steps.get(i);
            }
            System.arraycopy(more, 0, parameters, steps.size() * 2, more.length);
            return get("/funnels", parameters);
        }
    }
}
