package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Collects what a log replays, and makes and checks test batches that say which append they came from. */
final class Replay implements RecordVisitor {

    final List<JournalRecord> records = new ArrayList<>();
    final List<LogPosition> positions = new ArrayList<>();

    @Override
    public void visit(JournalRecord record, LogPosition position) {
        records.add(record);
        positions.add(position);
    }

    /** Which append a batch came from. */
    record BatchId(int appender, int sequence) {
    }

    /**
     * A batch of {@code size} records from {@code appender}'s append number {@code sequence}; each record carries
     * those ids, its index and the batch size, then up to 40 random bytes.
     */
    static List<JournalRecord> batch(int appender, int sequence, int size, Random random) {
        List<JournalRecord> batch = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            byte[] filler = new byte[random.nextInt(41)];
            random.nextBytes(filler);
            byte[] payload = ByteBuffer.allocate(16 + filler.length)
                    .putInt(appender).putInt(sequence).putInt(index).putInt(size).put(filler).array();
            batch.add(new JournalRecord((byte) random.nextInt(256), payload));
        }
        return batch;
    }

    /** The batches replayed, in order, after checking that every one of them arrived whole. */
    List<BatchId> batches() {
        List<BatchId> batches = new ArrayList<>();
        int expectedIndex = 0;
        for (JournalRecord record : records) {
            ByteBuffer payload = ByteBuffer.wrap(record.payload());
            BatchId id = new BatchId(payload.getInt(), payload.getInt());
            int index = payload.getInt();
            int size = payload.getInt();
            assertEquals(expectedIndex, index, "record " + index + " of batch " + id + " out of place");
            if (index == 0) {
                batches.add(id);
            }
            assertEquals(batches.get(batches.size() - 1), id, "records of different batches interleaved");
            expectedIndex = index + 1 == size ? 0 : index + 1;
        }
        assertEquals(0, expectedIndex, "the last batch was replayed in part");
        return batches;
    }
}
