package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.TimelineKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition holds a timeline: Kafka's own rule for a keyed record (murmur2 of the key's bytes), written out
 * so that the adapter knows a request's partitions before it sends, and any producer keying by timeline agrees.
 */
final class TimelinePartitions {

    private final int count;

    TimelinePartitions(int count) {
        this.count = count;
    }

    int of(TimelineKey key) {
        return Utils.toPositive(Utils.murmur2(bytes(key))) % count;
    }

    int count() {
        return count;
    }

    static byte[] bytes(TimelineKey key) {
        return key.value().getBytes(StandardCharsets.UTF_8);
    }
}
