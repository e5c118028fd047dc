package dev.timelines.application.service;

import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Pages over a storage answer fetched one item beyond the limit: that item tells whether a next page exists. */
final class Paging {

    private Paging() {
    }

    /** How many items to ask storage for. */
    static int fetchSize(PageRequest request) {
        return request.limit() == Integer.MAX_VALUE ? Integer.MAX_VALUE : request.limit() + 1;
    }

    static <T> Page<T> page(List<T> fetched, PageRequest request, Function<T, String> cursorAfter) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, Optional.of(cursorAfter.apply(items.get(items.size() - 1))));
    }
}
