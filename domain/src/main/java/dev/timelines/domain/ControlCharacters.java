package dev.timelines.domain;

/** The control characters docs/semantics.md forbids in names: C0, DEL and C1. */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static void reject(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw new InvalidValueException(
                        what + " must not contain control characters (U+%04X at index %d)".formatted((int) c, i));
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(text, i)) {
                throw new InvalidValueException(what + " contains an unpaired surrogate at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean validSurrogatePair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
