package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.MemoryImage;
import dev.timelines.domain.TimelineKey;
import java.util.Map;

/**
 * What a {@link JournalEventStore} knows after replaying its journal up to and including one frame: the memory
 * engine's core data, and what compaction needs (the deletions it must still honour, the dead bytes where
 * they lie). Loading it and replaying the frames after that one gives the same store as replaying them all.
 *
 * @param frame the last frame covered
 * @param deletions the registered deletions: each timeline's highest seq its deletion covered
 * @param deadBytes the dead bytes' accounting, as {@link DeadBytes#image} encoded it at that moment
 * @param memory the memory engine's core data
 */
record JournalSnapshot(FrameId frame, Map<TimelineKey, Long> deletions, byte[] deadBytes, MemoryImage memory) {
}
