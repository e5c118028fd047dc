package dev.timelines.application.service;

import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cuts one page out of a list sorted in timeline order. */
final class TimelinePages {

    private TimelinePages() {
    }

    static <T> Page<T> page(List<T> sorted, PageRequest request, Function<T, TimelinePosition> position) {
        int start = request.cursor().map(TimelinePosition::decode).map(after -> firstAfter(sorted, after, position))
                .orElse(0);
        int end = (int) Math.min(sorted.size(), (long) start + request.limit());
        List<T> items = sorted.subList(start, end);
        Optional<String> next = end < sorted.size()
                ? Optional.of(position.apply(sorted.get(end - 1)).encode())
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static <T> int firstAfter(List<T> sorted, TimelinePosition after, Function<T, TimelinePosition> position) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (position.apply(sorted.get(mid)).compareTo(after) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
