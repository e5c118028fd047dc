package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stored timelines by key and by dense int id (ids of deleted timelines are reused, so arrays indexed by
 * id stay as small as the store), and the keys of those with events in code point order. Not thread-safe.
 */
final class Timelines {

    private final DataCodec codec = new DataCodec();
    private final Receptions receptions = new Receptions();
    private final Map<TimelineKey, StoredTimeline> byKey = new HashMap<>();
    private final NavigableMap<String, StoredTimeline> visible = new TreeMap<>(CodePointOrder.INSTANCE);
    private StoredTimeline[] byId = new StoredTimeline[16];
    private int[] freeIds = new int[16];
    private int freeCount;
    private int slots;

    /** Copies of the timelines with events, of the dictionary and of the reception times: an image's core. */
    MemoryImage image(long lastSeq, Map<String, Long> attributeNames, SeqHistory.Image history) {
        List<TimelineImage> images = new ArrayList<>(visible.size());
        visible.values().forEach(timeline -> images.add(timeline.image()));
        return new MemoryImage(lastSeq, codec.names(), receptions.copy(), attributeNames, images, history);
    }

    /** Loads the timelines, dictionary and reception times of an image; there must be no timelines yet. */
    void load(MemoryImage image) {
        if (!byKey.isEmpty()) {
            throw new IllegalStateException("an image loads only into an empty store");
        }
        codec.restoreNames(image.names());
        receptions.replaceWith(image.receptions());
        for (TimelineImage timeline : image.timelines()) {
            becameVisible(create(timeline));
        }
    }

    StoredTimeline get(TimelineKey key) {
        return byKey.get(key);
    }

    /** The timeline with this id, or null. */
    StoredTimeline get(int id) {
        return id < slots ? byId[id] : null;
    }

    StoredTimeline getOrCreate(TimelineKey key) {
        StoredTimeline timeline = byKey.get(key);
        return timeline != null ? timeline : create(key);
    }

    /** Records that the timeline has events, so that key listings show it. */
    void becameVisible(StoredTimeline timeline) {
        visible.put(timeline.key().value(), timeline);
    }

    StoredTimeline remove(TimelineKey key) {
        StoredTimeline timeline = byKey.remove(key);
        if (timeline != null) {
            visible.remove(key.value());
            byId[timeline.id()] = null;
            if (freeCount == freeIds.length) {
                freeIds = Arrays.copyOf(freeIds, freeCount * 2);
            }
            freeIds[freeCount++] = timeline.id();
        }
        return timeline;
    }

    /** The timelines with events. */
    Iterable<StoredTimeline> visible() {
        return visible.values();
    }

    /** Keys of timelines with events in the range, in code point order. */
    List<TimelineKey> keys(KeyRange range) {
        String prefix = range.prefix();
        NavigableMap<String, StoredTimeline> tail = visible.tailMap(prefix, true);
        if (range.after().isPresent() && CodePointOrder.INSTANCE.compare(range.after().get().value(), prefix) >= 0) {
            tail = visible.tailMap(range.after().get().value(), false);
        }
        List<TimelineKey> keys = new ArrayList<>();
        for (StoredTimeline timeline : tail.values()) {
            if (keys.size() == range.limit() || !timeline.key().value().startsWith(prefix)) {
                break;
            }
            keys.add(timeline.key());
        }
        return keys;
    }

    private StoredTimeline create(TimelineKey key) {
        return register(new StoredTimeline(nextId(), key, codec, receptions));
    }

    private StoredTimeline create(TimelineImage image) {
        return register(new StoredTimeline(nextId(), image, codec, receptions));
    }

    private StoredTimeline register(StoredTimeline timeline) {
        byId[timeline.id()] = timeline;
        byKey.put(timeline.key(), timeline);
        return timeline;
    }

    private int nextId() {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            id = slots++;
            if (id == byId.length) {
                byId = Arrays.copyOf(byId, id * 2);
            }
        }
        return id;
    }
}
