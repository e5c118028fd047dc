package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaStorage.class)
class KafkaIngestApiTest extends IngestApiTest {

    /** With {@code timelines.kafka.snapshot-dir} set, the service writes a snapshot of each of its 4 partitions. */
    @Test
    void theServiceWritesASnapshotOfEachPartitionItOwns() throws Exception {
        long snapshots = 0;
        for (int attempt = 0; attempt < 600 && snapshots < 4; attempt++) {
            Thread.sleep(50);
            snapshots = snapshots(KafkaStorage.SNAPSHOTS);
        }
        assertEquals(4, snapshots);
    }

    private static long snapshots(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".snapshot")).count();
        }
    }
}
