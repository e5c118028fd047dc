-- Version 1 of the Timelines schema, applied by Migrations.java at start.
--
-- Every table that holds timeline data has the timeline key as a column and in its primary key, so each one
-- can be distributed (sharded) by it and co-located with the others (docs/scaling.md). Keys are compared in
-- the "C" collation: in a UTF8 database it orders strings by code point, as SPEC section 2 sorts keys. Times
-- are epoch microseconds (bigint), as the application's Timestamp holds them.

-- One row per timeline with events. Ingest and delete lock it, which serializes the writers of a timeline.
CREATE TABLE timelines (
    timeline text COLLATE "C" PRIMARY KEY
);

-- Arrival order across the store: SPEC's seq.
CREATE SEQUENCE event_seq AS bigint;

CREATE TABLE events (
    timeline text COLLATE "C" NOT NULL,
    ts       bigint NOT NULL,
    seq      bigint NOT NULL,
    received bigint NOT NULL,
    id       text,
    data     jsonb NOT NULL,
    PRIMARY KEY (timeline, ts, seq),
    UNIQUE (timeline, id)
);

-- The top-level names each timeline's events use, for GET /attributes.
CREATE TABLE attribute_names (
    timeline text COLLATE "C" NOT NULL,
    name     text COLLATE "C" NOT NULL,
    PRIMARY KEY (timeline, name)
);
CREATE INDEX attribute_names_by_name ON attribute_names (name);

-- The attributes whose change points are kept: those asked about across timelines. Rows are added and
-- removed only under the lock that AttributeIndexes takes on events, which also keeps names unique (a name
-- can be too long for a unique index).
CREATE TABLE indexed_attributes (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    path       text[] NOT NULL,
    last_asked timestamptz NOT NULL
);

-- Per indexed attribute and timeline, the change points (SPEC section 2), each with the one before and the
-- one after: a row is a transition (or an entry), a state interval, and what came next. value_hash is
-- jsonb_hash_extended(value, 0): equal values hash alike (1 and 1.0 too), so it finds a value by index where
-- the value itself could be too large to index.
CREATE TABLE change_points (
    timeline     text COLLATE "C" NOT NULL,
    attribute_id integer NOT NULL,
    ts           bigint NOT NULL,
    seq          bigint NOT NULL,
    value        jsonb NOT NULL,
    value_hash   bigint NOT NULL,
    prev_value   jsonb,
    prev_hash    bigint,
    prev_ts      bigint,
    next_value   jsonb,
    next_ts      bigint,
    PRIMARY KEY (timeline, attribute_id, ts, seq)
);
CREATE INDEX change_points_by_time ON change_points (attribute_id, ts, timeline, seq);
CREATE INDEX change_points_by_value ON change_points (attribute_id, value_hash, ts, timeline, seq);
CREATE INDEX change_points_by_previous ON change_points (attribute_id, prev_hash, ts, timeline, seq);
CREATE INDEX change_points_by_end ON change_points (attribute_id, next_ts);

-- Per indexed attribute, timeline and distinct value: how many of the timeline's events carry the value, and
-- the first of them (its seq and spelling), for /attributes/{name}/values and "of equal values the first seen".
CREATE TABLE attribute_values (
    timeline     text COLLATE "C" NOT NULL,
    attribute_id integer NOT NULL,
    first_seq    bigint NOT NULL,
    value        jsonb NOT NULL,
    value_hash   bigint NOT NULL,
    events       bigint NOT NULL,
    PRIMARY KEY (timeline, attribute_id, first_seq)
);
CREATE INDEX attribute_values_by_value ON attribute_values (attribute_id, value_hash, first_seq);

-- The value a JSON Pointer names in an event's data, or null: Attribute.valueIn for nested pointers. Objects
-- are entered by member name, arrays only by an RFC 6901 index (jsonb's own path operators would also take
-- -1 or 01).
CREATE FUNCTION pointer_value(data jsonb, path text[]) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    node jsonb := data;
    token text;
BEGIN
    FOREACH token IN ARRAY path LOOP
        IF jsonb_typeof(node) = 'object' THEN
            node := node -> token;
        ELSIF jsonb_typeof(node) = 'array' AND token ~ '^(0|[1-9][0-9]{0,8})$' THEN
            node := node -> token::integer;
        ELSE
            RETURN NULL;
        END IF;
        IF node IS NULL THEN
            RETURN NULL;
        END IF;
    END LOOP;
    RETURN node;
END
$$;

-- The value an attribute names in an event's data, or null when the event lacks it. A top-level key (one
-- token) is a plain member lookup, inlined into the calling statement.
CREATE FUNCTION attribute_value(data jsonb, path text[]) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(path) = 1 THEN data -> path[1] ELSE pointer_value(data, path) END
$$;

-- A value as the first stored event carrying an equal value wrote it (1 or 1.0), or null when none does.
CREATE FUNCTION first_written(attribute integer, wanted jsonb) RETURNS jsonb
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT v.value FROM attribute_values v
    WHERE v.attribute_id = attribute AND v.value_hash = jsonb_hash_extended(wanted, 0) AND v.value = wanted
    ORDER BY v.first_seq
    LIMIT 1
$$;
