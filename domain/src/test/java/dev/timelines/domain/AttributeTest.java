package dev.timelines.domain;

import static dev.timelines.domain.Json.NULL;
import static dev.timelines.domain.Json.arr;
import static dev.timelines.domain.Json.num;
import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeTest {

    private static final JsonValue.Obj DATA = obj(
            "status", str("paid"),
            "nothing", NULL,
            "a/b", str("slash-key"),
            "order", obj(
                    "status", str("on_hold"),
                    "items", arr(str("first"), obj("sku", str("X-1")), NULL),
                    "a/b", str("escaped slash"),
                    "m~n", str("escaped tilde"),
                    "~1", str("tilde one"),
                    "0", str("zero key"),
                    "", str("empty key")),
            "", str("top empty key"));

    private static Optional<JsonValue> valueOf(String attribute) {
        return new Attribute(attribute).valueIn(DATA);
    }

    @Test
    void aTopLevelKeyNamesAMember() {
        assertEquals(Optional.of(str("paid")), valueOf("status"));
    }

    @Test
    void aTopLevelKeyMayContainASlashWhenItDoesNotStartWithOne() {
        assertEquals(Optional.of(str("slash-key")), valueOf("a/b"));
    }

    @Test
    void aMissingKeyIsNoValue() {
        assertEquals(Optional.empty(), valueOf("missing"));
        assertEquals(Optional.empty(), valueOf("Status"));
    }

    @Test
    void anExplicitNullIsPresent() {
        assertEquals(Optional.of(NULL), valueOf("nothing"));
        assertEquals(Optional.of(NULL), valueOf("/order/items/2"));
    }

    @Test
    void aPointerFollowsNestedMembers() {
        assertEquals(Optional.of(str("on_hold")), valueOf("/order/status"));
        assertEquals(Optional.of(str("paid")), valueOf("/status"));
        assertEquals(Optional.of(str("X-1")), valueOf("/order/items/1/sku"));
    }

    @Test
    void aPointerToAnObjectGivesTheWholeObject() {
        assertEquals(Optional.of(obj("sku", str("X-1"))), valueOf("/order/items/1"));
    }

    @Test
    void tildeEscapesAreDecodedOnceInTheRfc6901Order() {
        assertEquals(Optional.of(str("escaped slash")), valueOf("/order/a~1b"));
        assertEquals(Optional.of(str("escaped tilde")), valueOf("/order/m~0n"));
        assertEquals(Optional.of(str("tilde one")), valueOf("/order/~01"));
    }

    @Test
    void anUnescapedSlashSeparatesTokens() {
        assertEquals(Optional.empty(), valueOf("/order/a/b"));
        assertEquals(Optional.empty(), valueOf("/a/b"));
    }

    @Test
    void emptyTokensNameEmptyKeys() {
        assertEquals(Optional.of(str("top empty key")), valueOf("/"));
        assertEquals(Optional.of(str("empty key")), valueOf("/order/"));
    }

    @Test
    void arrayIndexesAreDecimalWithoutLeadingZeros() {
        assertEquals(Optional.of(str("first")), valueOf("/order/items/0"));
        assertEquals(Optional.empty(), valueOf("/order/items/00"));
        assertEquals(Optional.empty(), valueOf("/order/items/01"));
        assertEquals(Optional.empty(), valueOf("/order/items/-"));
        assertEquals(Optional.empty(), valueOf("/order/items/-1"));
        assertEquals(Optional.empty(), valueOf("/order/items/3"));
        assertEquals(Optional.empty(), valueOf("/order/items/99999999999999999999"));
        assertEquals(Optional.empty(), valueOf("/order/items/x"));
    }

    @Test
    void aDigitTokenOnAnObjectIsAMemberName() {
        assertEquals(Optional.of(str("zero key")), valueOf("/order/0"));
    }

    @Test
    void aPathThroughAScalarOrNullIsMissing() {
        assertEquals(Optional.empty(), valueOf("/status/x"));
        assertEquals(Optional.empty(), valueOf("/nothing/x"));
        assertEquals(Optional.empty(), valueOf("/order/items/0/0"));
        assertEquals(Optional.empty(), valueOf("/missing/status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a~", "/a~2", "/~x", "/order/~"})
    void aTildeNotFollowedByZeroOrOneIsRejected(String pointer) {
        assertThrows(InvalidValueException.class, () -> new Attribute(pointer));
    }

    @Test
    void aTildeOutsideAPointerIsJustACharacter() {
        JsonValue.Obj data = obj("a~2", num(1));
        assertEquals(Optional.of(num(1)), new Attribute("a~2").valueIn(data));
    }

    @Test
    void anEmptyOrOverlongNameIsRejected() {
        assertThrows(InvalidValueException.class, () -> new Attribute(""));
        assertThrows(InvalidValueException.class, () -> new Attribute(null));
        assertThrows(InvalidValueException.class, () -> new Attribute("a".repeat(Attribute.MAX_LENGTH + 1)));
        assertEquals("a".repeat(Attribute.MAX_LENGTH), new Attribute("a".repeat(Attribute.MAX_LENGTH)).name());
    }

    @Test
    void attributesAreEqualByName() {
        assertEquals(new Attribute("/order/status"), new Attribute("/order/" + "status"));
        assertEquals(new Attribute("status").hashCode(), new Attribute("status").hashCode());
        assertNotEquals(new Attribute("status"), new Attribute("/status"));
        assertEquals("/order/status", new Attribute("/order/status").toString());
    }
}
