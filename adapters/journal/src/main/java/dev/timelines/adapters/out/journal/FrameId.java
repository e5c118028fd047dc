package dev.timelines.adapters.out.journal;

/**
 * Identifies one frame (one appended batch) of the log: where it starts and its checksum. The checksum covers
 * the batch's seqs, so a frame found at that place with that checksum is the very batch that was written
 * there, not one written later over a truncated tail or by a compaction.
 */
record FrameId(long segment, long offset, int checksum) {
}
