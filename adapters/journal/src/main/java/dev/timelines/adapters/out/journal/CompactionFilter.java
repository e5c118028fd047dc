package dev.timelines.adapters.out.journal;

import java.util.List;
import java.util.Optional;

/**
 * Decides what of the compacted segments survives, record by record. A compaction calls it on its own
 * thread, once per record of the segments it rewrites, in log order, while appends go on.
 *
 * <p>After the compaction, replay sees the kept records (in their order, each batch's survivors still one
 * batch), then the trailer, then the segments that were not compacted. The filter keeps whatever replaying
 * them needs to rebuild what replaying the original log rebuilt.
 */
public interface CompactionFilter {

    /** What takes the place of {@code record}: the record itself, a smaller one, or nothing. */
    Optional<JournalRecord> rewrite(JournalRecord record);

    /** Records to write after all the kept ones, as one batch (none if empty); asked once, after the last rewrite. */
    List<JournalRecord> trailer();
}
