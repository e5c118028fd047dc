package dev.timelines.adapters.out.kafka;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The seq a deletion took (docs/semantics.md, "Seq"), carried by its tombstone: the tombstone's value stays empty,
 * as log compaction needs. A tombstone written before deletions took seqs has none.
 */
final class DeletionHeader {

    static final String NAME = "timelines-deletion-seq";

    private DeletionHeader() {
    }

    static Header of(long seq) {
        return new RecordHeader(NAME, ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
    }

    static OptionalLong from(Headers headers) {
        Header header = headers.lastHeader(NAME);
        return header == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }
}
