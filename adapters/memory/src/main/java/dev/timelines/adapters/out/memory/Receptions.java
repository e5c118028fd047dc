package dev.timelines.adapters.out.memory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * When each event was received, as a step function of its seq: a request's events share one reception time
 * and consecutive seqs, so one (first seq, time) run per request replaces a long per event. Runs are kept
 * sorted by first seq; a seq recorded out of order (a journal replayed in any order) splits the run it
 * falls in. Runs outlive deleted timelines: 16 bytes per request. Not thread-safe.
 */
final class Receptions {

    private long[] firstSeqs = new long[16];
    private long[] times = new long[16];
    private int runs;
    /** The highest seq recorded: the last run covers the seqs up to it. */
    private long lastSeq = Long.MIN_VALUE;

    void record(long seq, long received) {
        int run = runOf(seq);
        if (run < 0 || times[run] != received) {
            long coveredUntil = run + 1 < runs ? firstSeqs[run + 1] : lastSeq + 1;
            boolean laterSeqsKeepTheirTime = run >= 0 && seq + 1 < coveredUntil;
            long time = run >= 0 ? times[run] : 0;
            if (run >= 0 && firstSeqs[run] == seq) {
                times[run] = received;
            } else {
                insert(++run, seq, received);
            }
            if (laterSeqsKeepTheirTime) {
                insert(run + 1, seq + 1, time);
            }
        }
        lastSeq = Math.max(lastSeq, seq);
    }

    /** A copy of these runs, for an image of the store. */
    Receptions copy() {
        Receptions copy = new Receptions();
        copy.takeOver(Arrays.copyOf(firstSeqs, runs), Arrays.copyOf(times, runs), runs, lastSeq);
        return copy;
    }

    /** Replaces these runs by those of an image, which this takes over. */
    void replaceWith(Receptions image) {
        takeOver(image.firstSeqs, image.times, image.runs, image.lastSeq);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(lastSeq);
        out.writeInt(runs);
        ImageIo.writeLongs(out, firstSeqs, runs);
        ImageIo.writeLongs(out, times, runs);
    }

    static Receptions readFrom(DataInput in) throws IOException {
        long lastSeq = in.readLong();
        int runs = ImageIo.readCount(in);
        Receptions receptions = new Receptions();
        receptions.takeOver(ImageIo.readLongs(in, runs), ImageIo.readLongs(in, runs), runs, lastSeq);
        return receptions;
    }

    long receivedAt(long seq) {
        return times[runOf(seq)];
    }

    /** The run holding the seq: the last one starting at or before it, or -1. */
    private int runOf(long seq) {
        int low = 0;
        int high = runs;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (firstSeqs[mid] <= seq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    private void takeOver(long[] firstSeqs, long[] times, int runs, long lastSeq) {
        // An empty array could never grow by doubling.
        this.firstSeqs = runs > 0 ? firstSeqs : new long[16];
        this.times = runs > 0 ? times : new long[16];
        this.runs = runs;
        this.lastSeq = lastSeq;
    }

    private void insert(int index, long firstSeq, long time) {
        if (runs == firstSeqs.length) {
            firstSeqs = Arrays.copyOf(firstSeqs, runs * 2);
            times = Arrays.copyOf(times, runs * 2);
        }
        System.arraycopy(firstSeqs, index, firstSeqs, index + 1, runs - index);
        System.arraycopy(times, index, times, index + 1, runs - index);
        firstSeqs[index] = firstSeq;
        times[index] = time;
        runs++;
    }
}
