package dev.timelines.adapters.out.memory.violation;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.StateCount;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;

/** Breaks the one-definition rule on purpose (a storage finishing an answer), so ArchitectureTest shows it bites. */
public class IndexRankingAnAnswer {

    public StateCounts counts(Timestamp at) {
        return new StateCounts(at, List.of(new StateCount(new JsonValue.Str("paid"), 1, Optional.empty())));
    }
}
