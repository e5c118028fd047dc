package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Event data comes back exactly as it was stored: number scale, member order, any string. */
class DataCodecTest {

    @Property(tries = 300)
    void decodingGivesBackExactlyWhatWasEncoded(@ForAll("values") List<JsonValue> values) {
        DataCodec codec = new DataCodec();
        Bytes bytes = new Bytes();
        List<Integer> starts = new ArrayList<>();
        for (JsonValue value : values) {
            starts.add(bytes.size());
            codec.write(value, bytes);
        }
        for (int i = 0; i < values.size(); i++) {
            assertEquals(exact(values.get(i)), exact(codec.read(bytes, starts.get(i))));
        }
    }

    @Property(tries = 300)
    void oneMemberIsFoundPastMembersOfEveryKind(@ForAll("objects") List<JsonValue> objects) {
        DataCodec codec = new DataCodec();
        Bytes bytes = new Bytes();
        List<Integer> starts = new ArrayList<>();
        for (JsonValue object : objects) {
            starts.add(bytes.size());
            codec.write(object, bytes);
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonValue.Obj object = (JsonValue.Obj) objects.get(i);
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                assertEquals(exact(member.getValue()), exact(codec.member(bytes, starts.get(i), member.getKey())));
            }
            assertEquals(null, codec.member(bytes, starts.get(i), "never a member"));
        }
    }

    @Test
    void namesBeyondTheDictionaryAreWrittenInline() {
        DataCodec codec = new DataCodec();
        Bytes bytes = new Bytes();
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i <= DataCodec.MAX_NAMES; i++) {
            members.put("name " + i, JsonValue.Null.INSTANCE);
        }
        JsonValue.Obj many = new JsonValue.Obj(members);
        codec.write(many, bytes);
        int second = bytes.size();
        codec.write(new JsonValue.Obj(Map.of("\uD800 lone", JsonValue.Bool.TRUE)), bytes);

        assertEquals(exact(many), exact(codec.read(bytes, 0)));
        assertEquals("{\uD800 lone:TRUE}", exact(codec.read(bytes, second)));
        assertEquals("TRUE", exact(codec.member(bytes, second, "\uD800 lone")));
        assertEquals(JsonValue.Null.INSTANCE, codec.member(bytes, 0, "name " + DataCodec.MAX_NAMES));
    }

    @Test
    void aShortValueThatRepeatsTakesTwoBytesAndALongOneIsWrittenOut() {
        DataCodec codec = new DataCodec();
        Bytes bytes = new Bytes();
        codec.write(new JsonValue.Obj(Map.of("status", new JsonValue.Str("paid"))), bytes);
        int second = bytes.size();
        codec.write(new JsonValue.Obj(Map.of("status", new JsonValue.Str("paid"))), bytes);
        int third = bytes.size();
        String long33 = "x".repeat(DataCodec.MAX_SHARED_VALUE_LENGTH + 1);
        codec.write(new JsonValue.Str(long33), bytes);

        assertEquals(5, third - second); // object, one member, name id, string id
        assertEquals(1 + 1 + long33.length(), bytes.size() - third);
        assertEquals("{status:\"paid\"}", exact(codec.read(bytes, second)));
        assertEquals("\"paid\"", exact(codec.member(bytes, second, "status")));
        assertEquals('"' + long33 + '"', exact(codec.read(bytes, third)));
    }

    @Test
    void valuesStopJoiningTheDictionaryAtHalfItsSizeAndNamesStillJoinIt() {
        DataCodec codec = new DataCodec();
        Bytes bytes = new Bytes();
        List<JsonValue> distinct = new ArrayList<>();
        for (int i = 0; i < DataCodec.MAX_NAMES / 2; i++) {
            distinct.add(new JsonValue.Str("v" + i));
        }
        codec.write(new JsonValue.Arr(distinct), bytes);
        int value = bytes.size();
        codec.write(new JsonValue.Str("one more"), bytes);
        int name = bytes.size();
        codec.write(new JsonValue.Obj(Map.of("a new name", JsonValue.Null.INSTANCE)), bytes);
        int repeated = bytes.size();
        codec.write(new JsonValue.Obj(Map.of("a new name", JsonValue.Null.INSTANCE)), bytes);

        assertEquals(1 + 1 + "one more".length(), name - value);
        assertEquals(1 + 1 + 3 + 1, bytes.size() - repeated); // object, one member, name id of 3 bytes, null
        assertEquals(exact(new JsonValue.Arr(distinct)), exact(codec.read(bytes, 0)));
        assertEquals("\"one more\"", exact(codec.read(bytes, value)));
    }

    @Provide
    Arbitrary<List<JsonValue>> values() {
        return value(3).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<JsonValue>> objects() {
        return Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(4), value(2)).ofMaxSize(5)
                .map(map -> (JsonValue) new JsonValue.Obj(new LinkedHashMap<>(map))).list().ofMaxSize(4);
    }

    static Arbitrary<JsonValue> value(int depth) {
        Arbitrary<JsonValue> number = Arbitraries.oneOf(
                Arbitraries.bigDecimals().ofScale(3),
                Arbitraries.of("1", "1.0", "-0.00", "1e3", "1E-400", "123456789012345678901234567890.5",
                        "-9223372036854775808", "4611686018427387904").map(BigDecimal::new),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70))
                        .map(BigDecimal::new)).map(JsonValue.Num::new);
        Arbitrary<JsonValue> string = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(5)).map(JsonValue.Str::new);
        Arbitrary<JsonValue> scalar = Arbitraries.oneOf(number, string, Arbitraries.of(JsonValue.Null.INSTANCE,
                JsonValue.Bool.TRUE, JsonValue.Bool.FALSE));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonValue> array = value(depth - 1).list().ofMaxSize(3).map(JsonValue.Arr::new);
        Arbitrary<JsonValue> object = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(4), value(depth - 1))
                .ofMaxSize(3).map(map -> new JsonValue.Obj(new LinkedHashMap<>(map)));
        return Arbitraries.oneOf(scalar, array, object);
    }

    /** The value as written: number scale, member order and every char of every string. */
    static String exact(JsonValue value) {
        if (value instanceof JsonValue.Num number) {
            return number.value().unscaledValue() + "e" + number.value().scale();
        }
        if (value instanceof JsonValue.Str string) {
            return '"' + string.value() + '"';
        }
        if (value instanceof JsonValue.Obj object) {
            StringBuilder text = new StringBuilder("{");
            object.members().forEach((name, member) -> text.append(name).append(':').append(exact(member)));
            return text.append('}').toString();
        }
        if (value instanceof JsonValue.Arr array) {
            return array.elements().stream().map(DataCodecTest::exact).toList().toString();
        }
        return String.valueOf(value);
    }
}
