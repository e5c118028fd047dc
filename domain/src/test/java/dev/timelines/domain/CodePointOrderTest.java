package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {

    private static final String BMP_TOP = "\uFFFF";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void supplementaryCharactersSortAfterTheTopOfTheBasicPlane() {
        assertTrue(CodePointOrder.INSTANCE.compare(BMP_TOP, EMOJI) < 0);
        assertTrue(CodePointOrder.INSTANCE.compare(EMOJI, BMP_TOP) > 0);
        assertTrue(CodePointOrder.INSTANCE.compare("\uE000", EMOJI) < 0);
    }

    @Test
    void unlikeStringCompareTo() {
        assertTrue(BMP_TOP.compareTo(EMOJI) > 0, "String.compareTo orders UTF-16 units");
    }

    @Test
    void aPrefixSortsFirst() {
        assertTrue(CodePointOrder.INSTANCE.compare("ab", "abc") < 0);
        assertTrue(CodePointOrder.INSTANCE.compare(EMOJI + "a", EMOJI) > 0);
        assertEquals(0, CodePointOrder.INSTANCE.compare("", ""));
        assertTrue(CodePointOrder.INSTANCE.compare("", "a") < 0);
    }

    @Property
    void ordersLikeTheSequencesOfCodePoints(@ForAll String a, @ForAll String b) {
        int expected = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        assertEquals(expected, Integer.signum(CodePointOrder.INSTANCE.compare(a, b)));
        assertEquals(-expected, Integer.signum(CodePointOrder.INSTANCE.compare(b, a)));
    }

    @Property
    void ordersLikeTheSequencesOfCodePointsAcrossPlanes(@ForAll("mixedPlanes") String a,
            @ForAll("mixedPlanes") String b) {
        ordersLikeTheSequencesOfCodePoints(a, b);
    }

    @Provide
    Arbitrary<String> mixedPlanes() {
        return Arbitraries.of("a", "b", "\uE000", BMP_TOP, EMOJI, "\uD83D\uDE01", "\uD800\uDC00")
                .list().ofMaxSize(4).map(parts -> String.join("", parts));
    }
}
