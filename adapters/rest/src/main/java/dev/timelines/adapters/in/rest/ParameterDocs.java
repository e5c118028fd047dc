package dev.timelines.adapters.in.rest;

/**
 * What the OpenAPI document says of the parameters (docs/api.md, Conventions): the resources take every parameter as
 * a string, so that {@link QueryParameters} can name the one at fault, and their annotations state the type and form
 * that the parameter must have. The patterns are the forms of docs/semantics.md; the service itself decides.
 */
final class ParameterDocs {

    /** Epoch seconds, RFC 3339, {@code now}, or {@code -N} with one unit of s, m, h, d (TimeExpression). */
    static final String TIME_PATTERN = "^(now|-\\d{1,12}[smhd]|-?\\d{1,12}(\\.\\d{1,9})?"
            + "|\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:\\d{2}(:\\d{2})?))$";
    static final String TIME_FORMS = " Epoch seconds (1700000000, 1700000000.5), RFC 3339 (2023-11-14T22:13:20Z),"
            + " 'now', or -N with one unit of s, m, h, d counted back from now (-10m, -2h, -7d).";

    /** Seconds, or a number with one unit of s, m, h, d (DurationExpression). */
    static final String DURATION_PATTERN = "^\\d{1,12}(\\.\\d{1,6})?[smhd]?$";
    static final String DURATION_FORMS = " Seconds (7200, 0.5; at most 6 fraction digits) or a number with one unit"
            + " of s, m, h, d (90s, 10m, 2h, 7d); zero is allowed.";

    /** Cursors are URL-safe base64 without padding (Cursors). */
    static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]+$";

    /** A JSON object: QueryParameters#where refuses anything else. */
    static final String WHERE_PATTERN = "^\\s*\\{[\\s\\S]*\\}\\s*$";

    static final String VALUE_FORMS = " A string value as written (on_hold matches the string \"on_hold\", 5 the"
            + " string \"5\"), or after 'json:' a JSON literal compared with JSON equality: json:5 matches 5 and 5.0,"
            + " json:null an explicit null, json:{\"a\":1} an object; a JSON string is json:\"text\". Percent-encode"
            + " it in a URL.";

    static final String KEY = "The timeline's key, percent-encoded: the key orders/42 is orders%2F42. 1 to 256 UTF-8"
            + " bytes, no control characters, not '.' or '..'.";
    static final String ATTRIBUTE = "The attribute asked about: a top-level key of the events' data (status), or an"
            + " RFC 6901 JSON Pointer into it when it starts with '/' (/order/status).";
    static final String AS_OF = "Answer as the store was known at this moment: only events received by then count, and"
            + " it is 'now' for 'at', 'until', states still held and relative times. A moment in the future is now;"
            + " deleted timelines are gone at every asOf. Omitted: now." + TIME_FORMS;
    static final String PARTIAL = "On a cluster (timelines.storage=kafka): 'true' takes, when the owner of some"
            + " partitions does not answer in time, the answer of the partitions that did, marked by the reply header"
            + " Timelines-Missing-Partitions naming the others (e.g. '1,3'). Omitted or 'false': such an answer is a"
            + " 503 naming the partitions. A question about one timeline is never partial. Elsewhere every answer is"
            + " complete.";
    /** {@code partition=position}, comma-separated (ReadPositions). */
    static final String POSITIONS_PATTERN = "^\\d{1,9}=\\d{1,18}(,\\d{1,9}=\\d{1,18})*$";
    static final String POSITIONS = "On a cluster (timelines.storage=kafka), read-your-writes: the"
            + " Timelines-Positions header a write (or an earlier read) replied with, passed back as it came"
            + " (e.g. '0=13,3=41': partition=position). The answer reflects at least those positions: each owner of a"
            + " partition named waits until it has applied it (a question about one timeline: its partition only), at"
            + " most timelines.kafka.position-timeout, else a 503 naming the partitions not applied. Malformed: a"
            + " 400. Elsewhere it is ignored: one node's writes are seen by its next read.";
    static final String SINCE = "Start of the half-open window [since, until), included. Omitted: unbounded."
            + TIME_FORMS;
    static final String UNTIL = "End of the half-open window [since, until), excluded; 'since' after 'until' is a 400."
            + " Omitted: unbounded." + TIME_FORMS;
    static final String AT = "The moment asked about. Omitted: now (or asOf)." + TIME_FORMS;
    static final String CONTENT_ENCODING = "gzip (or x-gzip) for a compressed body; the size limit counts the inflated"
            + " bytes";
    static final String LAST_EVENT_BEFORE = "The timelines whose latest event (by its timestamp, not by when it was"
            + " received) is before this moment are deleted." + TIME_FORMS;
    static final String LIMIT = "Page size: 1 to timelines.limits.page-size (at most 10000).";
    static final String CURSOR = "The 'next' of the previous page, passed back as it came, to get the following one."
            + " Pages resume after a position, so events arriving between two requests do not shift them. A cursor"
            + " that the same list did not issue is a 400.";
    static final String WHERE = "A condition on other attributes: a JSON object of attribute (a top-level key or a JSON"
            + " Pointer) to value, all of which must hold; {} is no condition. Percent-encode it in a URL"
            + " (%7B%22priority%22%3A%22high%22%7D).";
    static final String ENTRIES = "Also list entries: a timeline's first change point, with \"entry\": true and no"
            + " 'from' nor 'duration'.";

    private ParameterDocs() {
    }
}
