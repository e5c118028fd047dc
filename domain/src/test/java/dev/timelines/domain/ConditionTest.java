package dev.timelines.domain;

import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.STATUS;
import static dev.timelines.domain.TestEvents.event;
import static dev.timelines.domain.TestEvents.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code where} condition holds at a point when every member attribute's state there equals its value. */
class ConditionTest {

    private static final Attribute PRIORITY = new Attribute("priority");

    /** One request stores {"status":"on_hold"}@50 then {"priority":"high"}@50, then {"priority":"low"}@60. */
    private final Timeline timeline = new Timeline(KEY, List.of(
            event(50, 1, obj("status", str("on_hold"))),
            event(50, 2, obj("priority", str("high"))),
            event(60, 3, obj("priority", str("low")))));

    private final Map<Attribute, List<Stay>> stays =
            Map.of(STATUS, timeline.stays(STATUS), PRIORITY, timeline.stays(PRIORITY));

    private static Condition where(Attribute attribute, String value) {
        return new Condition(Map.of(attribute, str(value)));
    }

    @Test
    void theEntryIntoAStateDoesNotSeeALaterEventAtTheSameTimestamp() {
        Stay onHold = stays.get(STATUS).get(0);

        assertFalse(where(PRIORITY, "high").holdsAt(onHold.since(), onHold.seq(), stays));
    }

    @Test
    void evaluatedAtAMomentTheLastEventOfThatMomentCounts() {
        assertTrue(where(PRIORITY, "high").holdsAt(seconds(50), stays));
        assertTrue(where(PRIORITY, "high").holdsAt(seconds(50), 2, stays));
    }

    @Test
    void aConditionOnAnAttributeTheTimelineNeverHadDoesNotHold() {
        Condition color = where(new Attribute("color"), "red");

        assertFalse(color.holdsAt(seconds(60), stays));
        assertFalse(color.holdsAt(seconds(60), Map.of(new Attribute("color"), List.of())));
    }

    @Test
    void beforeTheAttributeFirstAppearsAConditionDoesNotHold() {
        assertFalse(where(PRIORITY, "high").holdsAt(seconds(49), stays));
    }

    @Test
    void everyMemberMustHold() {
        Condition onHoldAndHigh = new Condition(Map.of(STATUS, str("on_hold"), PRIORITY, str("high")));
        Condition onHoldAndLow = new Condition(Map.of(STATUS, str("on_hold"), PRIORITY, str("low")));

        assertTrue(onHoldAndHigh.holdsAt(seconds(50), stays));
        assertFalse(onHoldAndHigh.holdsAt(seconds(60), stays));
        assertFalse(onHoldAndLow.holdsAt(seconds(50), stays));
        assertTrue(onHoldAndLow.holdsAt(seconds(60), stays));
    }

    @Test
    void noConditionAlwaysHolds() {
        assertTrue(Condition.NONE.isNone());
        assertTrue(Condition.NONE.holdsAt(seconds(0), Map.of()));
        assertTrue(Condition.NONE.holdsAt(seconds(50), 0, stays));
    }

    @Test
    void heldAtIsNullBeforeTheFirstStay() {
        List<Stay> priority = stays.get(PRIORITY);

        assertNull(Stay.heldAt(priority, seconds(49), Long.MAX_VALUE));
        assertNull(Stay.heldAt(priority, seconds(50), 1));
        assertNull(Stay.heldAt(List.of(), seconds(50), Long.MAX_VALUE));
        assertEquals(str("high"), Stay.heldAt(priority, seconds(50), 2).value());
        assertEquals(str("low"), Stay.heldAt(priority, seconds(1000), 0).value());
    }
}
