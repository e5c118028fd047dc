package dev.timelines.adapters.out.postgres;

/**
 * How SQL finds and shows values. A value is looked up by its hash, {@code jsonb_hash_extended(value, 0)}, which
 * equal values share ({@code 1} and {@code 1.0} too) and which an index can hold however large the value, then
 * compared by jsonb equality, which is JSON equality. Aggregates show a value as it was first written.
 */
final class ValueSql {

    private ValueSql() {
    }

    /** The condition that the value column (and its hash column) equals the JSON text parameter. */
    static String matches(String column, String hashColumn, String parameter) {
        return "%2$s = jsonb_hash_extended(:%3$s::jsonb, 0) AND %1$s = :%3$s::jsonb"
                .formatted(column, hashColumn, parameter);
    }

    /**
     * The value in the column as the first stored event carrying an equal value wrote it (of {@code 1} and
     * {@code 1.0}, the first seen), which the value counts of the same snapshot always know.
     */
    static String firstWritten(String column) {
        return "COALESCE(first_written(:attribute, %1$s), %1$s)".formatted(column);
    }
}
