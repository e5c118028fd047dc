package dev.timelines.adapters.out.kafka;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The header every event record of a request carries: which request it belongs to and how many of the request's
 * records each partition holds. A node applies a request only once it has read all of its records in the
 * partitions it owns, so that no reader sees part of a request (Kafka commits a transaction atomically, but a
 * consumer reads each partition on its own).
 *
 * @param request a number no other request has (its first seq)
 * @param records per partition, how many records of the request it holds
 */
record RequestHeader(long request, Map<Integer, Integer> records) {

    static final String NAME = "timelines-request";

    RequestHeader {
        records = Map.copyOf(records);
    }

    /** How many records of the request lie in the given partitions. */
    int recordsIn(Set<Integer> partitions) {
        return records.entrySet().stream().filter(part -> partitions.contains(part.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
    }

    Header toHeader() {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + records.size() * 2 * Integer.BYTES);
        bytes.putLong(request).putInt(records.size());
        new TreeMap<>(records).forEach((partition, count) -> bytes.putInt(partition).putInt(count));
        return new RecordHeader(NAME, bytes.array());
    }

    static RequestHeader from(Header header) {
        ByteBuffer bytes = ByteBuffer.wrap(header.value());
        long request = bytes.getLong();
        Map<Integer, Integer> records = new TreeMap<>();
        for (int part = bytes.getInt(); part > 0; part--) {
            records.put(bytes.getInt(), bytes.getInt());
        }
        return new RequestHeader(request, records);
    }
}
