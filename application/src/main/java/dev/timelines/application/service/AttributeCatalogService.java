package dev.timelines.application.service;

import dev.timelines.application.port.in.DescribeAttributesUseCase;
import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.question.Listing;
import dev.timelines.application.question.Rankings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pages attribute names by name, and an attribute's values as a ranking. A ranking has no stable position to
 * resume after, so its cursor is an offset: a page fetched after more ingest may repeat or skip a value.
 */
public final class AttributeCatalogService implements DescribeAttributesUseCase {

    private static final String NAMES = "a1";
    private static final String VALUES = "v1";
    private static final Comparator<ValueUsage> USAGE_ORDER =
            Rankings.largestFirst(ValueUsage::events, ValueUsage::value);

    private final StoreScans scans;
    private final OtherParts others;

    public AttributeCatalogService(StoreScans scans) {
        this(scans, OtherParts.NONE);
    }

    /** {@code others}: the parts of the store other nodes hold, whose names and values merge with this store's. */
    public AttributeCatalogService(StoreScans scans, OtherParts others) {
        this.scans = scans;
        this.others = others;
    }

    @Override
    public Page<String> names(Optional<Timestamp> asOf, PageRequest page) {
        Optional<String> after = page.cursor().map(cursor -> Cursors.decode(NAMES, cursor, 1)[0]);
        return Paging.page(new Listing.Names(after, Paging.fetchSize(page), asOf).across(scans, others), page,
                name -> Cursors.encode(NAMES, name));
    }

    @Override
    public Page<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf, PageRequest page) {
        List<ValueUsage> ranked = new Listing.Values(attribute, asOf).across(scans, others).answer().stream()
                .sorted(USAGE_ORDER).toList();
        int offset = page.cursor().map(AttributeCatalogService::offset).orElse(0);
        List<ValueUsage> rest = ranked.subList(Math.min(offset, ranked.size()), ranked.size());
        return Paging.page(rest, page, last -> Cursors.encode(VALUES, offset + page.limit()));
    }

    private static int offset(String cursor) {
        long offset = Cursors.number(Cursors.decode(VALUES, cursor, 1)[0]);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new InvalidCursorException();
        }
        return (int) offset;
    }
}
