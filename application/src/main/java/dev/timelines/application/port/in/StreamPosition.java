package dev.timelines.application.port.in;

/**
 * A place in the transitions stream (docs/semantics.md, "The live stream"): every change up to seq {@code after}
 * delivered, plus the first {@code sent} messages of the step ({@code after}, {@code upTo}]. A step's messages
 * follow from the store's history alone, so any instance, before or after a restart, recomputes them alike.
 * Clients see it as an opaque token; the positions one stream issues increase.
 */
public record StreamPosition(long after, long upTo, int sent) {

    private static final int RADIX = 36;

    public StreamPosition {
        if (after < 0 || upTo < after || sent < 0 || (upTo == after && sent > 0)) {
            throw new IllegalArgumentException("a position is a step (after, upTo] and messages of it sent");
        }
    }

    /** The position before the first message of the changes after {@code seq}. */
    public static StreamPosition at(long seq) {
        return new StreamPosition(seq, seq, 0);
    }

    public String token() {
        return Long.toString(after, RADIX) + "-" + Long.toString(upTo, RADIX) + "-" + Integer.toString(sent, RADIX);
    }

    /** Reads a token this service issued. */
    public static StreamPosition parse(String token) {
        String[] fields = token.split("-", -1);
        if (fields.length != 3) {
            throw new InvalidPositionException(token);
        }
        try {
            return new StreamPosition(Long.parseLong(fields[0], RADIX), Long.parseLong(fields[1], RADIX),
                    Integer.parseInt(fields[2], RADIX));
        } catch (IllegalArgumentException e) {
            throw new InvalidPositionException(token);
        }
    }
}
