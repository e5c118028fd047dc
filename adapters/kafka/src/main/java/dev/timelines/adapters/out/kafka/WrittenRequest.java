package dev.timelines.adapters.out.kafka;

import dev.timelines.application.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A request committed to the topic: its id (in every record's {@link RequestHeader}) and, per partition, the offset
 * of its last record there. The writer replies once the owner of each of those partitions has applied it and given
 * its verdict.
 */
record WrittenRequest(long request, Map<Integer, Long> offsets, String topic) {

    WrittenRequest {
        offsets = Map.copyOf(offsets);
    }

    /** Where each partition is once the request is applied: past its last record (the form reads state too). */
    SortedMap<Integer, Long> positions() {
        SortedMap<Integer, Long> positions = new TreeMap<>();
        offsets.forEach((partition, offset) -> positions.put(partition, offset + 1));
        return Collections.unmodifiableSortedMap(positions);
    }

    /**
     * The request's verdict from those of its partitions' owners: every partition it wrote must have one, or the
     * reply is a 503 saying that the request is committed and that sending it again with its ids is safe.
     *
     * @param owners the address of each partition's owner, named when one did not answer
     */
    Verdicts.Verdict verdict(Map<Integer, Verdicts.Verdict> decided, Duration waited, Map<Integer, String> owners) {
        SortedSet<Integer> unconfirmed = new TreeSet<>(offsets.keySet());
        unconfirmed.removeAll(decided.keySet());
        if (!unconfirmed.isEmpty()) {
            Map<Integer, String> named = new TreeMap<>(owners);
            named.keySet().retainAll(unconfirmed);
            throw new StorageUnavailableException("the request was committed to Kafka, but partitions " + unconfirmed
                    + " of topic " + topic + " were not applied by their owners within " + waited
                    + (named.isEmpty() ? "" : " (their owners: " + named + ")") + ": it is stored, and sending it"
                    + " again with its ids is safe (those events are then counted as duplicates)", null);
        }
        return decided.values().stream().reduce(new Verdicts.Verdict(0, 0), Verdicts.Verdict::plus);
    }
}
