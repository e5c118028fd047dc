package dev.timelines.application.port.out;

import dev.timelines.domain.TimelineKey;
import java.util.Optional;

/** Which keys a search may return: those starting with {@code prefix}, after {@code after}, at most {@code limit}. */
public record KeyRange(String prefix, Optional<TimelineKey> after, int limit) {

    public KeyRange {
        if (prefix == null || after == null || limit < 1) {
            throw new IllegalArgumentException("a key range has a prefix, an optional start and a positive limit");
        }
    }

    public boolean contains(TimelineKey key) {
        // Asked once per candidate key: no lambda made per call (the profile of issue 16 found it in the searches).
        return key.value().startsWith(prefix) && (after.isEmpty() || key.compareTo(after.get()) > 0);
    }
}
