package dev.timelines.application.port.out;

import static dev.timelines.application.port.out.StoreFixtures.NULL;
import static dev.timelines.application.port.out.StoreFixtures.arr;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.str;

import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random events for a few timelines (many equal timestamps, missing attributes, nested values, nulls, 1 and 1.0,
 * redelivered ids) and the arrival orders the invariant of docs/semantics.md speaks of: any order that keeps each
 * timeline's events of equal timestamp in the same relative order.
 */
final class RandomArrivals {

    private static final long BASE_MICROS = 1_680_945_987_000_000L;
    private static final List<String> KEYS = List.of("a", "b/1", "\uD83D\uDE00");
    private static final List<JsonValue> VALUES = List.of(
            str("a"), str("b"), str("c"), num("1"), num("1.0"), num("2"), NULL, JsonValue.Bool.TRUE,
            obj("x", num("1"), "y", num("2")), obj("y", num("2"), "x", num("1.00")), arr(num("1"), num("2")),
            arr(num("2"), num("1")));

    /** An event as a producer sends it; copies of one with an id are redeliveries. */
    record Draft(String key, long micros, Optional<String> id, JsonValue.Obj data) {

        IncomingEvent incoming() {
            return new IncomingEvent(new TimelineKey(key), new Timestamp(micros), id.map(EventId::new), data);
        }
    }

    /** The drafts, and how many a store must accept and reject as duplicates in any arrival order. */
    record Round(List<Draft> sorted, int distinct, int redelivered) {
    }

    private RandomArrivals() {
    }

    /** A random round, its drafts in sorted arrival (timestamp order, ties in the order they were made). */
    static Round round(Random random) {
        List<String> keys = KEYS.subList(0, 1 + random.nextInt(KEYS.size()));
        int count = 1 + random.nextInt(25);
        List<Draft> drafts = new ArrayList<>();
        int redelivered = 0;
        int copiesWithoutId = 0;
        for (int n = 0; n < count; n++) {
            long micros = BASE_MICROS + random.nextInt(6) * 1_000_000L
                    + (random.nextInt(10) == 0 ? random.nextInt(1_000_000) : 0);
            Optional<String> id = random.nextInt(10) < 4 ? Optional.of("id-" + n) : Optional.empty();
            Draft draft = new Draft(keys.get(random.nextInt(keys.size())), micros, id, data(random));
            drafts.add(draft);
            if (random.nextInt(5) == 0) {
                // an at-least-once producer sending the same event again, later
                drafts.add(draft);
                if (id.isPresent()) {
                    redelivered++;
                } else {
                    copiesWithoutId++;
                }
            }
        }
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparingLong(Draft::micros));
        return new Round(List.copyOf(sorted), count + copiesWithoutId, redelivered);
    }

    private static JsonValue.Obj data(Random random) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (random.nextInt(10) < 7) {
            members.put("status", pick(random));
        }
        switch (random.nextInt(4)) {
            case 0 -> members.put("order", obj("status", pick(random)));
            case 1 -> members.put("order", obj("total", num("3"), "status", pick(random)));
            case 2 -> members.put("order", random.nextBoolean() ? NULL : obj("total", num("3")));
            default -> {
            }
        }
        if (random.nextBoolean()) {
            members.put("other", num(Integer.toString(random.nextInt(3))));
        }
        return new JsonValue.Obj(members);
    }

    private static JsonValue pick(Random random) {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    /** A random arrival order in which each timeline's drafts of equal timestamp keep their sorted order. */
    static List<Draft> lateArrival(List<Draft> sorted, Random random) {
        List<Draft> slots = new ArrayList<>(sorted);
        Collections.shuffle(slots, random);
        Map<String, Deque<Draft>> byKeyAndTime = new HashMap<>();
        sorted.forEach(d -> byKeyAndTime.computeIfAbsent(d.key() + "@" + d.micros(), g -> new ArrayDeque<>()).add(d));
        List<Draft> arrival = new ArrayList<>();
        slots.forEach(slot -> arrival.add(byKeyAndTime.get(slot.key() + "@" + slot.micros()).removeFirst()));
        return arrival;
    }

    /** The drafts cut into requests of 1..5 events, in order. */
    static List<List<IncomingEvent>> requests(List<Draft> arrival, Random random) {
        List<List<IncomingEvent>> requests = new ArrayList<>();
        int i = 0;
        while (i < arrival.size()) {
            int end = Math.min(arrival.size(), i + 1 + random.nextInt(5));
            requests.add(arrival.subList(i, end).stream().map(Draft::incoming).toList());
            i = end;
        }
        return requests;
    }

    static List<TimelineKey> keys() {
        return KEYS.stream().map(TimelineKey::new).toList();
    }
}
