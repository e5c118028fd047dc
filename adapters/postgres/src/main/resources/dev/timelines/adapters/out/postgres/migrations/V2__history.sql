-- Version 2: the store's history in seq order, which the live transitions stream reads (PostgresStoreHistory).
-- A deletion takes a seq of its own, drawn as events' seqs are; the events it removed are kept with it for a
-- bounded horizon, so that a timeline can still be read as it stood before the deletion.

-- Which timelines a run of seqs changed; also the export's ORDER BY seq, which no longer sorts.
CREATE INDEX events_by_seq ON events (seq);

-- One row per deletion of a timeline, by the deletion's own seq.
CREATE TABLE deletions (
    timeline text COLLATE "C" NOT NULL,
    seq      bigint NOT NULL,
    PRIMARY KEY (timeline, seq)
);
CREATE INDEX deletions_by_seq ON deletions (seq);

-- The events each deletion removed, as they were stored, with the deletion's seq.
CREATE TABLE deleted_events (
    timeline text COLLATE "C" NOT NULL,
    deletion bigint NOT NULL,
    ts       bigint NOT NULL,
    seq      bigint NOT NULL,
    received bigint NOT NULL,
    id       text,
    data     jsonb NOT NULL,
    PRIMARY KEY (timeline, deletion, ts, seq)
);
CREATE INDEX deleted_events_by_seq ON deleted_events (seq);

-- The lowest seq the history answers from: deletions below it, and their events, are pruned. One row.
CREATE TABLE history_horizon (
    seq bigint NOT NULL
);
INSERT INTO history_horizon (seq) VALUES (0);

-- A writer's seqs are announced before they are drawn, in a lock every session can see: a shared transaction
-- advisory lock whose key is a lower bound of them, held until the writer commits or rolls back. durable_seq()
-- reads the sequence, then the announcements: every seq at or below the sequence's value was drawn by a
-- transaction that has ended or that still holds an announcement at or below its seq. The notification tells
-- every listening instance, once the writer committed, that durable_seq() may have risen.
CREATE FUNCTION announce_seqs(lowest bigint) RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(lowest);
    PERFORM pg_notify('timelines_history', '');
    RETURN lowest;
END
$$;

-- The next count seqs of event_seq (CACHE 1, so its last_value is the last seq any session drew), announced.
CREATE FUNCTION draw_seqs(count integer) RETURNS SETOF bigint
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM announce_seqs(CASE WHEN is_called THEN last_value + 1 ELSE last_value END) FROM event_seq;
    RETURN QUERY SELECT nextval('event_seq') FROM generate_series(1, count);
END
$$;

-- The highest seq at or below which every transaction that drew one has ended. The sequence is read before the
-- announcements, in this order, so that a seq drawn before the first read was announced before the second.
CREATE FUNCTION durable_seq() RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    drawn bigint;
    pending bigint;
BEGIN
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO drawn FROM event_seq;
    SELECT min((l.classid::bigint << 32) | l.objid::bigint) INTO pending
    FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.mode = 'ShareLock'
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
    RETURN least(drawn, coalesce(pending - 1, drawn));
END
$$;
