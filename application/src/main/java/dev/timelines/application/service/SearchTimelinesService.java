package dev.timelines.application.service;

import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.SearchTimelinesUseCase;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.Listing;
import dev.timelines.application.model.Scope;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Pages keyed searches over storage; a page resumes after the last key it returned. */
public final class SearchTimelinesService implements SearchTimelinesUseCase {

    private static final String KIND = "k1";

    private final Questions questions;

    public SearchTimelinesService(StoreScans scans, IndexedAnswers indexed) {
        this(scans, indexed, OtherParts.NONE);
    }

    public SearchTimelinesService(StoreScans scans, IndexedAnswers indexed, OtherParts others) {
        this.questions = new Questions(scans, indexed, others);
    }

    @Override
    public Page<TimelineKey> withPrefix(String prefix, Optional<Timestamp> asOf, PageRequest page) {
        return search(prefix, page, range -> questions.list(new Listing.Keys(range, asOf)));
    }

    @Override
    public Page<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, String prefix, Scope scope,
            PageRequest page) {
        return search(prefix, page, range -> questions.answer(attribute, new KeyRun.InState(value, at, range, scope)));
    }

    @Override
    public Page<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, String prefix,
            Optional<Timestamp> asOf, PageRequest page) {
        Scope scope = new Scope(Condition.NONE, asOf);
        return search(prefix, page, range -> questions.answer(attribute,
                new KeyRun.InStateDuring(value, window, range, scope)));
    }

    private static Page<TimelineKey> search(String prefix, PageRequest page,
            Function<KeyRange, List<TimelineKey>> search) {
        Optional<TimelineKey> after = page.cursor().map(SearchTimelinesService::keyAfter);
        List<TimelineKey> found = search.apply(new KeyRange(prefix, after, Paging.fetchSize(page)));
        return Paging.page(found, page, key -> Cursors.encode(KIND, key.value()));
    }

    private static TimelineKey keyAfter(String cursor) {
        try {
            return new TimelineKey(Cursors.decode(KIND, cursor, 1)[0]);
        } catch (InvalidValueException e) {
            throw new InvalidCursorException();
        }
    }
}
