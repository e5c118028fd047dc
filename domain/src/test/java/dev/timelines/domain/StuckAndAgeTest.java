package dev.timelines.domain;

import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.STATUS;
import static dev.timelines.domain.TestEvents.seconds;
import static dev.timelines.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stuck: a state held at {@code at} whose change point {@code since} satisfies {@code at - since > longerThan},
 * on the timeline {@code paid@0, on_hold@100, on_hold@400 (a repeat), shipped@900}.
 */
class StuckAndAgeTest {

    private static final long SECOND = Timestamp.MICROS_PER_SECOND;

    private final List<Stay> stays = new Timeline(KEY, List.of(
            status(0, 1, "paid"), status(100, 2, "on_hold"), status(400, 3, "on_hold"), status(900, 4, "shipped")))
            .stays(STATUS);

    /** The one stay holding at {@code at}. */
    private Stay heldAt(long atSeconds) {
        List<Stay> holding = stays.stream().filter(stay -> stay.holdsAt(seconds(atSeconds))).toList();
        assertEquals(1, holding.size(), "one stay holds at " + atSeconds);
        return holding.get(0);
    }

    @Test
    void aRepeatedValueDoesNotBeginANewStay() {
        assertEquals(List.of(0L, 100L, 900L), stays.stream().map(s -> s.since().micros() / SECOND).toList());
        assertEquals(Json.str("on_hold"), heldAt(600).value());
        assertEquals(seconds(100), heldAt(600).since());
    }

    @Test
    void aStateHeldExactlyLongerThanIsNotStuck() {
        assertFalse(heldAt(600).stuckAt(seconds(600), 500 * SECOND));
    }

    @Test
    void aStateHeldOneSecondLongerIsStuckSinceItsChangePoint() {
        Stay onHold = heldAt(600);

        assertTrue(onHold.stuckAt(seconds(600), 499 * SECOND));
        assertEquals(seconds(100), onHold.since());
        assertEquals(500 * SECOND, onHold.ageMicros(seconds(600)));
    }

    @Test
    void aStateEnteredAtTheMomentHasAgeZero() {
        Stay shipped = heldAt(900);

        assertEquals(Json.str("shipped"), shipped.value());
        assertEquals(0, shipped.ageMicros(seconds(900)));
        assertFalse(shipped.stuckAt(seconds(900), 0));
    }

    @Test
    void aStayNoLongerHeldIsNeverStuck() {
        Stay onHold = stays.get(1);

        assertFalse(onHold.holdsAt(seconds(900)));
        assertFalse(onHold.stuckAt(seconds(900), 0));
    }

    @Test
    void beforeTheFirstChangePointNothingIsStuck() {
        assertTrue(stays.stream().noneMatch(stay -> stay.stuckAt(seconds(-1), -10 * SECOND)));
    }
}
