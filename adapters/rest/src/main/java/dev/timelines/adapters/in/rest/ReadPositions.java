package dev.timelines.adapters.in.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The positions a read must reflect at least (read-your-writes, docs/api.md): on a cluster, a write replies with the
 * position of every partition it wrote in the header {@value #HEADER} ({@code 0=13,3=41}); a read passing that
 * header back is answered once every owner has applied those positions, or is a 503 naming the partitions not
 * applied in time. A read's reply states its positions in the same header and form, so passing them on keeps reads
 * from going back in time. Read from every GET by {@link ReadPositionsFilter}; a malformed value is a 400.
 */
@RequestScoped
public class ReadPositions {

    /** The request and reply header: {@code partition=position}, comma-separated. */
    public static final String HEADER = "Timelines-Positions";

    private SortedMap<Integer, Long> awaited = Collections.emptySortedMap();

    /** The position of each partition named, none when the header is absent. */
    public SortedMap<Integer, Long> awaited() {
        return awaited;
    }

    void await(String header) {
        awaited = header == null ? Collections.emptySortedMap() : parse(header);
    }

    /** {@code 0=13,3=41}: each partition once, partitions and positions non-negative integers. */
    static SortedMap<Integer, Long> parse(String header) {
        SortedMap<Integer, Long> positions = new TreeMap<>();
        for (String item : header.split(",", -1)) {
            String[] fields = item.trim().split("=", -1);
            if (fields.length != 2 || !fields[0].matches("\\d{1,9}") || !fields[1].matches("\\d{1,18}")) {
                throw malformed("'" + item.trim() + "' is not partition=position (e.g. 0=13,3=41)");
            }
            if (positions.put(Integer.parseInt(fields[0]), Long.parseLong(fields[1])) != null) {
                throw malformed("partition " + fields[0] + " is named twice");
            }
        }
        return Collections.unmodifiableSortedMap(positions);
    }

    private static InvalidRequestException malformed(String message) {
        return new InvalidRequestException("invalid header '" + HEADER + "': " + message,
                List.of(new Violation(HEADER, message)));
    }
}
