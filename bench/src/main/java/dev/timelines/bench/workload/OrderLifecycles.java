package dev.timelines.bench.workload;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The deterministic generator of issue 5: order lifecycles ({@link OrderWalk}) over 30 days, about 30% of events
 * without {@code status} (notes, amounts, nested shipment data), about 10% repeating the current status, 2% stamped
 * exactly like their predecessor (so that arrival order decides), and arrival shuffled within each event's
 * neighbourhood: every event is delayed by up to 90 minutes, so events of a timeline closer than that may swap.
 * A second attribute changes over a timeline, for the questions with a {@code where} condition: every
 * {@code created} event carries {@code "priority"}, {@code "high"} for about 20% of orders and {@code "normal"}
 * otherwise, and the note "priority raised" (about 1 event in 80) carries {@code "priority":"high"}. Both are
 * taken from the payload each event draws anyway, so that adding them left the random stream, and with it every
 * status, timestamp and arrival, as it was.
 * Events are held in primitive arrays so that 10M of them fit in a modest heap before they are written.
 */
public final class OrderLifecycles {

    /** 2025-01-01T00:00:00Z: in the past, so that "now" never cuts a window of the questions. */
    private static final long START_SECONDS = 1_735_689_600L;
    private static final long SPAN_MILLIS = 30 * 86_400_000L;
    /** Milliseconds between a timeline's events, on average (exponentially distributed). */
    private static final double MEAN_GAP = 2 * 3_600_000.0;
    private static final long MAX_DELAY_MILLIS = 90 * 60_000L;
    private static final double WITHOUT_STATUS = 0.30;
    private static final double REPEAT = 0.10;
    private static final double TIE = 0.02;
    /** An event's place in generation order, packed below its arrival time for sorting by arrival. */
    private static final int INDEX_BITS = 26;
    /** Kinds of events without status; the kinds below them are {@link Status} ordinals. */
    private static final byte NOTE = 8;
    private static final byte AMOUNT = 9;
    private static final byte SHIPMENT = 10;
    private static final String[] NOTES = {"customer called", "address corrected", "gift wrap requested",
        "payment retried", "stock checked", "priority raised", "invoice sent", "courier notified"};
    private static final String[] CARRIERS = {"dhl", "ups", "fedex", "postnl"};
    /** The note that raises the order's priority: it carries {@code "priority":"high"}. */
    private static final int PRIORITY_RAISED = 5;
    /** One created order in this many starts with priority high. */
    private static final int HIGH_AT_CREATION = 5;

    private final SplittableRandom random;
    private final long[] millis;
    private final int[] timeline;
    private final byte[] kind;
    private final int[] payload;
    private long withoutStatus;
    private long repeats;
    private long ties;
    private long priorities;

    private OrderLifecycles(long seed, int events) {
        if (events >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("at most " + ((1 << INDEX_BITS) - 1) + " events");
        }
        this.random = new SplittableRandom(seed);
        this.millis = new long[events];
        this.timeline = new int[events];
        this.kind = new byte[events];
        this.payload = new int[events];
    }

    /** Generates {@code events} events over {@code timelines} timelines and writes them to {@code file}. */
    public static Dataset generate(long seed, int events, int timelines, Path file) throws IOException {
        OrderLifecycles generator = new OrderLifecycles(seed, events);
        generator.lifecycles(events, timelines);
        return generator.write(file, timelines);
    }

    private void lifecycles(int events, int timelines) {
        int[] lengths = lengths(events, timelines);
        int next = 0;
        for (int t = 0; t < timelines; t++) {
            next = lifecycle(t, next, lengths[t]);
        }
    }

    /**
     * Events per timeline between half and one and a half times the mean: neighbours trade events in pairs, so
     * the total stays exactly {@code events}.
     */
    private int[] lengths(int events, int timelines) {
        int mean = events / timelines;
        if (mean < 2) {
            throw new IllegalArgumentException("at least two events per timeline");
        }
        int[] lengths = new int[timelines];
        for (int t = 0; t < timelines; t++) {
            lengths[t] = mean + (t < events % timelines ? 1 : 0);
        }
        for (int t = 0; t + 1 < timelines; t += 2) {
            int traded = random.nextInt(mean / 2 + 1);
            lengths[t] += traded;
            lengths[t + 1] -= traded;
        }
        return lengths;
    }

    /** Writes one timeline's events from {@code first} on, in timestamp order; returns where the next one starts. */
    private int lifecycle(int key, int first, int length) {
        long[] offsets = gaps(length);
        long start = (long) (random.nextDouble() * (SPAN_MILLIS - offsets[length - 1]));
        double[] rolls = new double[length];
        int changes = 0;
        for (int i = 1; i < length; i++) {
            rolls[i] = random.nextDouble();
            changes += rolls[i] >= WITHOUT_STATUS + REPEAT ? 1 : 0;
        }
        OrderWalk walk = new OrderWalk();
        for (int i = 0; i < length; i++) {
            int event = first + i;
            millis[event] = start + offsets[i];
            timeline[event] = key;
            payload[event] = random.nextInt(1_000_000);
            ties += i > 0 && offsets[i] == offsets[i - 1] ? 1 : 0;
            if (i == 0) {
                kind[event] = (byte) Status.CREATED.ordinal();
            } else if (rolls[i] < WITHOUT_STATUS) {
                kind[event] = (byte) (NOTE + random.nextInt(3));
                withoutStatus++;
            } else {
                Status before = walk.current();
                Status now = rolls[i] < WITHOUT_STATUS + REPEAT ? before : walk.step(random, changes--);
                kind[event] = (byte) now.ordinal();
                repeats += now == before ? 1 : 0;
            }
        }
        return first + length;
    }

    /** Offsets from the timeline's first event: exponential gaps, some zero, squeezed into 30 days if need be. */
    private long[] gaps(int length) {
        long[] offsets = new long[length];
        for (int i = 1; i < length; i++) {
            long gap = random.nextDouble() < TIE ? 0 : 1 + (long) (-MEAN_GAP * Math.log(1 - random.nextDouble()));
            offsets[i] = offsets[i - 1] + gap;
        }
        if (offsets[length - 1] >= SPAN_MILLIS) {
            double squeeze = (SPAN_MILLIS - 1.0) / offsets[length - 1];
            for (int i = 0; i < length; i++) {
                offsets[i] = (long) (offsets[i] * squeeze);
            }
        }
        return offsets;
    }

    private Dataset write(Path file, int timelines) throws IOException {
        long[] arrival = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            long delay = (long) (random.nextDouble() * MAX_DELAY_MILLIS);
            arrival[i] = (millis[i] + delay) << INDEX_BITS | i;
        }
        Arrays.sort(arrival);
        long[] latestSeen = new long[timelines];
        Arrays.fill(latestSeen, Long.MIN_VALUE);
        long late = 0;
        MessageDigest sha256 = sha256();
        Files.createDirectories(file.getParent());
        StringBuilder line = new StringBuilder(160);
        try (OutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), sha256)) {
            for (long packed : arrival) {
                int event = (int) (packed & ((1L << INDEX_BITS) - 1));
                int key = timeline[event];
                late += millis[event] < latestSeen[key] ? 1 : 0;
                latestSeen[key] = Math.max(latestSeen[key], millis[event]);
                line.setLength(0);
                appendLine(line, event);
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Dataset(file, millis.length, timelines, START_SECONDS, withoutStatus, repeats, late, ties,
                priorities, HexFormat.of().formatHex(sha256.digest()));
    }

    private void appendLine(StringBuilder line, int event) {
        long stamp = START_SECONDS * 1000 + millis[event];
        line.append("{\"timeline\":\"").append(Dataset.key(timeline[event])).append("\",\"timestamp\":")
                .append(stamp / 1000).append('.');
        appendPadded(line, stamp % 1000, 3);
        line.append(",\"data\":{");
        int value = payload[event];
        switch (kind[event]) {
            case NOTE -> {
                line.append("\"note\":\"").append(NOTES[value % NOTES.length]).append('"');
                if (value % NOTES.length == PRIORITY_RAISED) {
                    line.append(",\"priority\":\"high\"");
                    priorities++;
                }
            }
            case AMOUNT -> appendAmount(line.append("\"amount\":"), value);
            case SHIPMENT -> line.append("\"shipment\":{\"carrier\":\"").append(CARRIERS[value % CARRIERS.length])
                    .append("\",\"parcels\":").append(1 + value % 3).append('}');
            default -> {
                Status status = Status.values()[kind[event]];
                line.append("\"status\":\"").append(status.json()).append('"');
                if (status == Status.PAID) {
                    appendAmount(line.append(",\"amount\":"), value);
                } else if (status == Status.CREATED && isFirst(event)) {
                    line.append(",\"priority\":\"").append(value % HIGH_AT_CREATION == 0 ? "high" : "normal")
                            .append('"');
                    priorities++;
                }
            }
        }
        line.append("}}\n");
    }

    /** Whether the event opens its timeline (events are generated timeline by timeline); repeats of created do not. */
    private boolean isFirst(int event) {
        return event == 0 || timeline[event - 1] != timeline[event];
    }

    private static void appendAmount(StringBuilder line, int value) {
        line.append(5 + value / 100).append('.');
        appendPadded(line, value % 100, 2);
    }

    private static void appendPadded(StringBuilder line, long value, int digits) {
        String text = Long.toString(value);
        line.append("0".repeat(digits - text.length())).append(text);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
