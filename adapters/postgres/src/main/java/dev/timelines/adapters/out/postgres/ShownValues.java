package dev.timelines.adapters.out.postgres;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shows values computed from events as the store shows them: as the first stored event carrying them wrote them. */
final class ShownValues {

    private final Map<JsonValue, JsonValue> shown = new HashMap<>();

    ShownValues(List<ValueUsage> usage) {
        usage.forEach(value -> shown.put(value.value(), value.value()));
    }

    JsonValue of(JsonValue value) {
        return shown.getOrDefault(value, value);
    }

    List<Stay> in(List<Stay> stays) {
        return stays.stream().map(stay -> stay.withValues(this::of)).toList();
    }
}
