package dev.timelines.application.question;

import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule "a value is shown as the first stored event carrying an equal value wrote it" (docs/semantics.md) over
 * partial answers from several stores: each store knows the spelling it shows and its seq, and of equal values the
 * lower seq's spelling is shown. A spelling is store-wide, so a part brings the spellings of every value it
 * stores, not only of those it shows: another part may show a value whose first spelling is stored here. Not
 * thread-safe.
 */
public final class Spellings implements ValueSpellings {

    private final List<ValueSpellings> stores = new ArrayList<>();

    /**
     * The spellings of a store's values as a list, what a node ships beside a partial's contents: the store brings
     * the spellings of all the values it holds, not only of those its part shows.
     */
    public static List<Spelling> listed(ValueSpellings store, Collection<JsonValue> values) {
        return values.stream().flatMap(value -> store.of(value).stream()).toList();
    }

    /** The spellings a store listed, looked up by equal value. */
    public static ValueSpellings of(Collection<Spelling> listed) {
        Map<JsonValue, Spelling> byValue = new HashMap<>();
        listed.forEach(spelling -> byValue.merge(spelling.shown(), spelling,
                (one, other) -> one.seq() <= other.seq() ? one : other));
        return value -> Optional.ofNullable(byValue.get(value));
    }

    /** Takes in one store's spellings. */
    public void add(ValueSpellings store) {
        stores.add(store);
    }

    /** Takes in the spellings of the stores another partial answer came from. */
    public void merge(Spellings other) {
        stores.addAll(other.stores);
    }

    /** Of the stores' spellings of the value, the lowest seq's: how the stores together show it. */
    @Override
    public Optional<Spelling> of(JsonValue value) {
        return stores.stream().flatMap(store -> store.of(value).stream()).min(Comparator.comparingLong(Spelling::seq));
    }

    /**
     * The value as the stores together show it. From one store it is already shown so (every scan and fast path
     * shows values as its store does), so nothing is looked up: one store answers at no cost.
     */
    public JsonValue shown(JsonValue value) {
        return stores.size() < 2 ? value : of(value).map(Spelling::shown).orElse(value);
    }
}
