package dev.timelines.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The {@code timelines.*} storage settings (documented in docs/operations.md). */
@ConfigMapping(prefix = "timelines")
public interface StorageConfig {

    /** Which adapter stores events. */
    enum Kind {
        JOURNAL, MEMORY, POSTGRES, KAFKA
    }

    @WithDefault("journal")
    Kind storage();

    Journal journal();

    Kafka kafka();

    /**
     * {@code timelines.kafka.*}: the topic and group of the cluster mode (docs/scaling.md, Kafka). The Kafka client
     * settings themselves are the standard ones under {@code kafka.*}, {@code kafka.bootstrap.servers} first.
     */
    interface Kafka {

        @WithDefault("timelines-events")
        String topic();

        /** Partitions of a topic the service creates: the most nodes that can share the work. */
        @WithDefault("12")
        int partitions();

        /** Replicas of each partition of a topic the service creates. */
        @WithDefault("3")
        short replication();

        @WithDefault("timelines")
        String group();

        /**
         * This node's name, unique in the group and kept across restarts: its transactional id, so that a restarted
         * node fences the transactions its former self left open. Without one, a random name per start.
         */
        Optional<String> node();

        /**
         * This node's HTTP address as the other nodes reach it, published to the group (docs/scaling.md, Kafka).
         * Without one, {@code http://<host name>:<quarkus.http.port>}.
         */
        Optional<String> address();

        /**
         * How long a question across timelines waits for the other nodes' parts before a 503 naming the partitions
         * not answered for, and a write for the other owners' verdicts before a 503 saying it is committed.
         */
        @WithDefault("5s")
        Duration partTimeout();

        /**
         * How long the owner of a partition waits, for a read naming positions (read-your-writes), until it has
         * applied them, before a 503 naming the partitions not applied.
         */
        @WithDefault("5s")
        Duration positionTimeout();

        /**
         * The API key this node sends when it asks another node for its part, when the API asks for keys
         * ({@code timelines.auth.*}): a key of role {@code read}.
         */
        Optional<String> peerKey();

        /** How long a request may wait for Kafka (a commit, its events applied) before a 503. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** {@code timelines.journal.*}. */
    interface Journal {

        @WithDefault("./data")
        Path dir();

        /** {@code always}: fsync before every reply, grouped; or a duration such as {@code 100ms}. */
        @WithDefault("always")
        String fsync();

        /** Size at which a segment file is closed and a new one begun. */
        @WithDefault("67108864")
        long segmentBytes();

        /** Operator's explicit choice to cut a corrupt journal at the damage instead of refusing to start. */
        @WithDefault("false")
        boolean truncateCorruptTail();

        /** {@code timelines.journal.compaction.*}. */
        Compaction compaction();

        /** {@code timelines.journal.snapshot.*}. */
        Snapshot snapshot();
    }

    /** When the journal snapshots the memory engine, so that a start replays only the journal after it. */
    interface Snapshot {

        /** Whether it keeps a snapshot at all (at shutdown, and every interval). */
        @WithDefault("true")
        boolean enabled();

        /** Journal bytes after which a snapshot is taken in the background; 0 for shutdown only. */
        @WithDefault("268435456")
        long intervalBytes();
    }

    /** When the journal compacts on its own: once deleted timelines take this much of the closed segments. */
    interface Compaction {

        /** Whether it compacts on its own at all. */
        @WithDefault("true")
        boolean enabled();

        /** The least bytes of deleted timelines' events worth a compaction. */
        @WithDefault("67108864")
        long minDeadBytes();

        /** The least share of the closed segments' bytes they must take, in [0, 1]. */
        @WithDefault("0.5")
        double minDeadRatio();
    }
}
