package dev.timelines.domain;

import static dev.timelines.domain.Json.FALSE;
import static dev.timelines.domain.Json.NULL;
import static dev.timelines.domain.Json.TRUE;
import static dev.timelines.domain.Json.arr;
import static dev.timelines.domain.Json.num;
import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValueTest {

    private static void assertSameValue(JsonValue a, JsonValue b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode(), "equal values hash alike");
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0", "1, 1.000", "10, 1E+1", "100, 1.00E+2", "0, 0.0", "0, -0", "0, 0E+5", "-2.5, -2.50",
            "0.001, 1E-3"})
    void numbersAreEqualByValue(String a, String b) {
        assertSameValue(num(a), num(b));
    }

    @ParameterizedTest
    @CsvSource({"1, 1.0000001", "1, -1", "10, 1", "0.1, 0.01"})
    void differentNumbersDiffer(String a, String b) {
        assertNotEquals(num(a), num(b));
    }

    @Test
    void aNumberKeepsTheFormItWasWrittenIn() {
        assertEquals("1.0", ((JsonValue.Num) num("1.0")).value().toPlainString());
    }

    @Test
    void objectMemberOrderDoesNotMatter() {
        assertSameValue(obj("a", num(1), "b", str("x")), obj("b", str("x"), "a", num("1.0")));
        assertNotEquals(obj("a", num(1)), obj("a", num(1), "b", NULL));
        assertNotEquals(obj("a", num(1)), obj("A", num(1)));
    }

    @Test
    void objectMemberOrderIsKeptForOutput() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(obj("z", NULL, "a", NULL, "m", NULL).members().keySet()));
    }

    @Test
    void arraysAreOrdered() {
        assertSameValue(arr(num(1), num(2)), arr(num("1.0"), num("2.00")));
        assertNotEquals(arr(num(1), num(2)), arr(num(2), num(1)));
        assertNotEquals(arr(num(1)), arr(num(1), num(1)));
    }

    @Test
    void nestedValuesCompareDeeply() {
        assertSameValue(obj("o", obj("x", arr(num(1), obj("p", TRUE, "q", NULL)))),
                obj("o", obj("x", arr(num("1.0"), obj("q", NULL, "p", TRUE)))));
        assertNotEquals(obj("o", obj("x", arr(num(1), obj("p", TRUE)))),
                obj("o", obj("x", arr(num(1), obj("p", FALSE)))));
    }

    @Test
    void nullIsAValueEqualOnlyToNull() {
        assertSameValue(NULL, NULL);
        assertNotEquals(NULL, str("null"));
        assertNotEquals(NULL, num(0));
        assertNotEquals(NULL, FALSE);
        assertNotEquals(NULL, obj());
        assertNotEquals(NULL, arr());
    }

    @Test
    void kindsNeverEqualEachOther() {
        assertNotEquals(str("1"), num(1));
        assertNotEquals(str("true"), TRUE);
        assertNotEquals(arr(), obj());
        assertNotEquals(TRUE, FALSE);
        assertEquals(TRUE, JsonValue.Bool.of(true));
        assertEquals(FALSE, JsonValue.Bool.of(false));
    }

    @Test
    void equalValuesCollapseInASet() {
        Set<JsonValue> values = new HashSet<>(List.of(
                num(1), num("1.0"), num("1E+0"), obj("a", num(1), "b", num(2)), obj("b", num("2.0"), "a", num(1)),
                NULL, JsonValue.Null.INSTANCE, str("1")));
        assertEquals(4, values.size());
    }

    @Test
    void membersAreCopiedNotShared() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("a", num(1));
        JsonValue.Obj object = new JsonValue.Obj(members);
        members.put("b", num(2));

        assertEquals(1, object.members().size());
        assertEquals(Optional.of(num(1)), object.member("a"));
        assertEquals(Optional.empty(), object.member("b"));
    }

    @Test
    void numbersWhoseTrailingZerosCannotBeStrippedStillHashAlike() {
        // Both are 1e2147483649: stripping their zeros would need a scale beyond the int range.
        assertSameValue(new JsonValue.Num(new java.math.BigDecimal("10000e2147483645")),
                new JsonValue.Num(new java.math.BigDecimal("100000e2147483644")));
    }
}
