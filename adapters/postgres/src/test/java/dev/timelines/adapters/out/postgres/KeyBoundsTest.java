package dev.timelines.adapters.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.TimelineKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyBoundsTest {

    private static final String MAX = Character.toString(Character.MAX_CODE_POINT);

    @Test
    void aPrefixEndsBeforeItsLastCodePointGrown() {
        assertEquals(new KeyBounds("ab", "ac"), bounds("ab", null));
        assertEquals(new KeyBounds("a😀", "a😁"), bounds("a😀", null));
    }

    @Test
    void theCodePointAfterTheSurrogateGapIsU_E000() {
        assertEquals("a\uE000", bounds("a\uD7FF", null).upper());
    }

    @Test
    void aLastCodePointThatCannotGrowIsDroppedAndTheOneBeforeGrows() {
        assertEquals("b", bounds("a" + MAX + MAX, null).upper());
    }

    @Test
    void withoutAPrefixThatCanGrowTheUpperBoundLiesAboveEveryKey() {
        String upper = bounds("", null).upper();
        assertEquals(upper, bounds(MAX, null).upper());
        TimelineKey longest = new TimelineKey(MAX.repeat(64));
        assertTrue(longest.value().compareTo(upper) < 0);
    }

    @Test
    void resumingStartsJustAfterTheLastKeyWhenThatLiesInsideThePrefix() {
        assertEquals("ab\u0001", bounds("a", "ab").lower());
        assertEquals("b", bounds("b", "a").lower());
    }

    private static KeyBounds bounds(String prefix, String after) {
        return KeyBounds.of(new KeyRange(prefix, Optional.ofNullable(after).map(TimelineKey::new), 10));
    }
}
