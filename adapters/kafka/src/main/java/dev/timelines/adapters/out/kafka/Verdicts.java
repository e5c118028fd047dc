package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.IngestResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this node decided, applying each recent request in log order, for each of its partitions: how many events it
 * stored and how many it skipped as duplicates (a deletion: 1 stored when the timeline had events). The writer of the
 * request asks the owners for it (docs/scaling.md, "Kafka"), so that its reply's {@code accepted} and
 * {@code duplicates} are exact wherever it was written. Bounded: the oldest requests are forgotten, as their writers
 * have replied or given up long before. Thread-safe.
 */
final class Verdicts {

    /** The verdict on a request's records in one partition. */
    record Verdict(int stored, int skipped) {

        Verdict plus(Verdict other) {
            return new Verdict(stored + other.stored, skipped + other.skipped);
        }

        /** A request's reply: what was stored is accepted, what was skipped the duplicates. */
        IngestResult ingested() {
            return new IngestResult(stored, skipped);
        }
    }

    /** Requests remembered: far more than are ever being replied to at once. */
    static final int KEPT = 1 << 16;

    private final Map<Long, Map<Integer, Verdict>> byRequest = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Integer, Verdict>> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void decided(long request, int partition, Verdict verdict) {
        byRequest.computeIfAbsent(request, none -> new HashMap<>()).merge(partition, verdict, Verdict::plus);
    }

    /** The verdict of every partition of the request decided here; empty when none is (or it was forgotten). */
    synchronized Map<Integer, Verdict> of(long request) {
        return Map.copyOf(byRequest.getOrDefault(request, Map.of()));
    }

    synchronized void clear() {
        byRequest.clear();
    }
}
