package dev.timelines.domain;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as docs/semantics.md sorts keys. {@link String#compareTo} compares
 * UTF-16 units instead, which puts characters above U+FFFF before U+E000..U+FFFF.
 */
public final class CodePointOrder implements Comparator<String> {

    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
