package dev.timelines.adapters.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The positions a read names take the form replies state them in, and anything else is a 400 naming the header. */
class ReadPositionsTest {

    @Test
    void theFormRepliesStateIsRead() {
        assertEquals(new TreeMap<>(Map.of(0, 13L, 3, 41L)), ReadPositions.parse("0=13,3=41"));
        assertEquals(Map.of(7, 0L), ReadPositions.parse("7=0"));
    }

    @Test
    void anythingElseIsRefusedNamingTheHeader() {
        for (String malformed : List.of("", "0", "0=", "=1", "a=1", "0=-1", "0=1,", "0=1;1=2", "0=1=2",
                "0=99999999999999999999")) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> ReadPositions.parse(malformed), malformed);
            assertEquals(ReadPositions.HEADER, refused.violations().get(0).at(), malformed);
        }
        InvalidRequestException twice = assertThrows(InvalidRequestException.class,
                () -> ReadPositions.parse("1=2,1=3"));
        assertEquals("partition 1 is named twice", twice.violations().get(0).message());
    }
}
