package dev.timelines.adapters.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watermark an instance keeps is read again after each of its writes, even while the listener's reading is
 * under way: answering the reading from before the write would tell the writer its write is not durable yet.
 */
class WatermarkTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aWriteIsCoveredAtOnceWhileAnotherReadingIsUnderWay() throws Exception {
        AtomicLong database = new AtomicLong(16);
        CountDownLatch slowReadStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] slowReader = new Thread[1];
        Watermark watermark = new Watermark(() -> {
            long seen = database.get();
            if (Thread.currentThread() == slowReader[0]) {
                slowReadStarted.countDown();
                await(release);
            }
            return seen;
        });
        assertEquals(16, watermark.current());
        database.set(19);
        watermark.written();
        slowReader[0] = new Thread(watermark::refresh);
        slowReader[0].start();
        slowReadStarted.await();

        assertEquals(19, watermark.current(), "the write ended: not the reading from before it, while one is slow");
        release.countDown();
        slowReader[0].join();
        assertEquals(19, watermark.current());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
