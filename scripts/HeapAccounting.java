// The heap accounting of docs/benchmarks.md ("Ingest: where the service's CPU and heap go"): loads an NDJSON file
// of the bench (lines {"timeline","timestamp","data"}) into the memory engine in batches of 10,000, with `status`
// indexed first as the bench does, then walks every object reachable from the store and charges its shallow size
// (compressed references, 12-byte headers, 8-byte alignment: a 64-bit JVM under 32 GiB of heap) to the field that
// first reaches it. Not run by CI. From the repository root, after `mvn -B -q -pl adapters/memory -am compile`:
//
//   CP=adapters/memory/target/classes:application/target/classes:domain/target/classes:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/*/jackson-core-*.jar | tail -1)
//   java -Xmx3g --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
//     --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
//     --add-opens java.base/java.math=ALL-UNNAMED -cp "$CP" scripts/HeapAccounting.java bench/target/run/data/orders-small-42.ndjson
import com.fasterxml.jackson.core.*;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.*;
import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;

public class HeapAccounting {
    static final JsonFactory JSON = new JsonFactory();
    public static void main(String[] a) throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        store.prepareIndexes(List.of(new Attribute("status")));
        List<IncomingEvent> batch = new ArrayList<>();
        long n = 0;
        for (String line : (Iterable<String>) Files.lines(Path.of(a[0]))::iterator) {
            batch.add(event(line)); n++;
            if (batch.size() == 10_000) { store.append(batch, new Timestamp(System.currentTimeMillis() * 1000)); batch.clear(); }
        }
        if (!batch.isEmpty()) store.append(batch, new Timestamp(System.currentTimeMillis() * 1000));
        final long events = n;
        long used = 0, cap = 0, slots = 0;
        Field tf = Class.forName("dev.timelines.adapters.out.memory.InMemoryEventStore").getDeclaredField("timelines"); tf.setAccessible(true);
        Object tls = tf.get(store);
        Field bk = tls.getClass().getDeclaredField("byKey"); bk.setAccessible(true);
        for (Object st : ((Map<?, ?>) bk.get(tls)).values()) {
            Field df = st.getClass().getDeclaredField("data"); df.setAccessible(true); Object b = df.get(st);
            Field sz = b.getClass().getDeclaredField("size"); sz.setAccessible(true); used += sz.getInt(b);
            Field ar = b.getClass().getDeclaredField("array"); ar.setAccessible(true); cap += ((byte[]) ar.get(b)).length;
            Field ts = st.getClass().getDeclaredField("timestamps"); ts.setAccessible(true); slots += ((long[]) ts.get(st)).length;
        }
        System.out.printf("data bytes used %.1f B/event, capacity %.1f B/event; event slots %.2f per event%n", used / (double) n, cap / (double) n, slots / (double) n);
        Map<String, long[]> by = new TreeMap<>();
        walk(store, by);
        long total = 0; for (long[] v : by.values()) total += v[0];
        System.out.printf("events %d, reachable from the store %.1f MB = %.1f B/event%n", n, total / 1e6, total / (double) n);
        by.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(30)
            .forEach(e -> System.out.printf("%6.1f B/event  %8d objects  %s%n", e.getValue()[0] / (double) events, e.getValue()[1], e.getKey()));
    }
    /** Shallow sizes (compressed oops, 12-byte headers, 8-byte alignment), charged to the field that first reaches each object. */
    static void walk(Object root, Map<String, long[]> by) throws Exception {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object[]> todo = new ArrayDeque<>();
        todo.add(new Object[] {root, "root"});
        seen.put(root, true);
        while (!todo.isEmpty()) {
            Object[] item = todo.poll();
            Object o = item[0]; String via = (String) item[1];
            Class<?> c = o.getClass();
            long size;
            String owner = via;
            if (c.isArray()) {
                int len = Array.getLength(o);
                Class<?> ct = c.getComponentType();
                int es = ct == long.class || ct == double.class ? 8 : ct == int.class || ct == float.class ? 4 : ct == short.class || ct == char.class ? 2 : ct == byte.class || ct == boolean.class ? 1 : 4;
                size = align(16 + (long) len * es);
                if (!ct.isPrimitive()) for (int i = 0; i < len; i++) { Object e = Array.get(o, i); if (e != null && seen.put(e, true) == null) todo.add(new Object[] {e, via + "[]"}); }
                owner = via + " (" + c.getSimpleName() + ")";
            } else {
                long fields = 0;
                for (Class<?> k = c; k != null; k = k.getSuperclass()) for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    Class<?> t = f.getType();
                    fields += t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4 : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
                    if (!t.isPrimitive()) {
                        try { f.setAccessible(true); } catch (RuntimeException e) { continue; }
                        Object v = f.get(o);
                        if (v != null && !(v instanceof Class) && seen.put(v, true) == null) todo.add(new Object[] {v, k.getSimpleName() + "." + f.getName()});
                    }
                }
                size = align(12 + fields);
                owner = c.getSimpleName() + " objects";
            }
            long[] acc = by.computeIfAbsent(owner, x -> new long[2]); acc[0] += size; acc[1]++;
        }
    }
    static long align(long s) { return (s + 7) & ~7L; }
    static IncomingEvent event(String line) throws Exception {
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken(); String tl = null; Timestamp ts = null; JsonValue data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) { String name = p.currentName(); p.nextToken();
                switch (name) { case "timeline" -> tl = p.getText(); case "timestamp" -> ts = Timestamp.ofEpochSeconds(p.getDecimalValue()); default -> data = value(p); } }
            return new IncomingEvent(new TimelineKey(tl), ts, Optional.empty(), (JsonValue.Obj) data);
        }
    }
    static JsonValue value(JsonParser p) throws Exception {
        return switch (p.currentToken()) {
            case START_OBJECT -> { Map<String, JsonValue> m = new LinkedHashMap<>(); while (p.nextToken() == JsonToken.FIELD_NAME) { String k = p.currentName(); p.nextToken(); m.put(k, value(p)); } yield new JsonValue.Obj(m); }
            case START_ARRAY -> { List<JsonValue> l = new ArrayList<>(); while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p)); yield new JsonValue.Arr(l); }
            case VALUE_STRING -> new JsonValue.Str(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(p.getDecimalValue());
            case VALUE_TRUE -> JsonValue.Bool.TRUE; case VALUE_FALSE -> JsonValue.Bool.FALSE; default -> JsonValue.Null.INSTANCE;
        };
    }
}
