package dev.timelines.adapters.out.postgres;

import dev.timelines.domain.Attribute;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The attributes whose change points are kept: like the memory engine, an attribute is indexed by the first
 * question about it (the index is built then, in one statement over the store) and repaired by every ingest
 * from then on; beyond {@code maxAttributes} the least recently asked is dropped, to be built again when asked
 * (questions record when they asked at most once a minute, so that they rarely write). Building and dropping
 * hold a lock on {@code events} that excludes writers, and ingest reads the list of indexes only after writing
 * its events, so no ingest misses an index being built.
 */
final class AttributeIndexes {

    private static final Sql FIND = new Sql("""
            SELECT id, last_asked < now() - interval '1 minute' AS stale FROM indexed_attributes WHERE name = :name
            """);
    private static final Sql TOUCH = new Sql("UPDATE indexed_attributes SET last_asked = now() WHERE id = :id");
    private static final Sql ALL = new Sql("SELECT id FROM indexed_attributes ORDER BY id");
    private static final Sql EXCLUDE_WRITERS = new Sql("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE");
    private static final Sql BEYOND = new Sql("""
            SELECT id FROM indexed_attributes ORDER BY last_asked DESC, id DESC OFFSET :keep
            """);
    private static final Sql REGISTER = new Sql("""
            INSERT INTO indexed_attributes (name, path, last_asked) VALUES (:name, :path, now()) RETURNING id
            """);
    private static final Sql UNREGISTER = new Sql("DELETE FROM indexed_attributes WHERE id = :id");

    /** An index, and whether its last question is more than a minute ago. */
    record Found(int id, boolean stale) {
    }

    private final Database database;
    private final int maxAttributes;

    AttributeIndexes(Database database, int maxAttributes) {
        if (maxAttributes < 1) {
            throw new IllegalArgumentException("at least one attribute must be indexable");
        }
        this.database = database;
        this.maxAttributes = maxAttributes;
    }

    /** The attribute's index as the connection's snapshot sees it. */
    static Optional<Found> find(Connection connection, Attribute attribute) throws SQLException {
        return FIND.first(connection, Sql.with("name", attribute.name()),
                result -> new Found(result.getInt("id"), result.getBoolean("stale")));
    }

    /** Records a question about the index, so that it is not the least recently asked. */
    void touch(int id) {
        database.write(connection -> TOUCH.update(connection, Sql.with("id", id)));
    }

    /** Builds the attribute's index, unless another question did meanwhile. */
    void build(Attribute attribute) {
        database.write(connection -> register(connection, attribute));
    }

    /** Every index ingest has to repair. */
    static List<Integer> all(Connection connection) throws SQLException {
        return ALL.list(connection, new Sql.Params(), result -> result.getInt(1));
    }

    private int register(Connection connection, Attribute attribute) throws SQLException {
        EXCLUDE_WRITERS.update(connection, new Sql.Params());
        Optional<Found> builtMeanwhile = find(connection, attribute);
        if (builtMeanwhile.isPresent()) {
            return builtMeanwhile.get().id();
        }
        for (int dropped : BEYOND.list(connection, Sql.with("keep", maxAttributes - 1), result -> result.getInt(1))) {
            UNREGISTER.update(connection, Sql.with("id", dropped));
            ChangePoints.drop(connection, dropped);
        }
        int id = REGISTER.first(connection, Sql.with("name", attribute.name()).with("path", path(attribute)),
                result -> result.getInt(1)).orElseThrow();
        ChangePoints.build(connection, id);
        return id;
    }

    /** The reference tokens {@link Attribute} follows: a top-level key is one token; a pointer's are unescaped. */
    static String[] path(Attribute attribute) {
        return attribute.member().map(member -> new String[] {member})
                .orElseGet(() -> Arrays.stream(attribute.name().substring(1).split("/", -1))
                        .map(token -> token.replace("~1", "/").replace("~0", "~"))
                        .toArray(String[]::new));
    }
}
