package dev.timelines.adapters.out.journal;

/**
 * What a compaction did.
 *
 * @param throughSegment the compacted segments were those up to this number
 * @param segmentsBefore how many segment files they were
 * @param segmentsAfter how many segment files replaced them
 * @param bytesBefore their bytes on disk
 * @param bytesAfter the bytes of their replacements
 */
public record CompactionResult(long throughSegment, int segmentsBefore, int segmentsAfter, long bytesBefore,
        long bytesAfter) {

    /** The disk space the compaction gave back. */
    public long reclaimedBytes() {
        return bytesBefore - bytesAfter;
    }
}
