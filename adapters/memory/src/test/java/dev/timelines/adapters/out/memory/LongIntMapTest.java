package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The primitive map agrees with a HashMap through adds and removals, including across growth and collisions. */
class LongIntMapTest {

    @Property(tries = 200)
    void agreesWithAHashMap(@ForAll("keys") List<Long> keys) {
        LongIntMap map = new LongIntMap();
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i);
            if (i % 3 == 2) {
                assertEquals(model.getOrDefault(key, 0), map.remove(key));
                model.remove(key);
            } else {
                assertEquals(model.merge(key, 1, Integer::sum), map.add(key, 1));
            }
        }
        assertEquals(model.size(), map.size());
        for (long key = -3; key < 200; key++) {
            assertEquals(model.getOrDefault(key << 32, 0), map.get(key << 32));
            assertEquals(model.getOrDefault(key, 0), map.get(key));
        }
    }

    @Provide
    Arbitrary<List<Long>> keys() {
        Arbitrary<Long> small = Arbitraries.longs().between(-3, 199);
        return Arbitraries.oneOf(small, small.map(key -> key << 32)).list().ofMaxSize(400);
    }
}
