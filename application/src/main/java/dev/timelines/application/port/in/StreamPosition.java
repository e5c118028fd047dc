package dev.timelines.application.port.in;

/**
 * A place in the transitions stream: every change recorded before {@code change} delivered, and the first
 * {@code sent} messages of that change. {@code epoch} names the change log that issued it. Clients see it as an
 * opaque token; positions of one log increase in (change, sent) order.
 */
public record StreamPosition(long epoch, long change, int sent) {

    private static final int RADIX = 36;

    public StreamPosition {
        if (change < 0 || sent < 0) {
            throw new IllegalArgumentException("a position counts from zero");
        }
    }

    public String token() {
        return Long.toString(epoch, RADIX) + "-" + Long.toString(change, RADIX) + "-" + Integer.toString(sent, RADIX);
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
