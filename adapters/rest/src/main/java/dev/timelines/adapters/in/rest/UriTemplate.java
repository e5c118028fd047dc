package dev.timelines.adapters.in.rest;

import java.util.regex.Pattern;

/** A JAX-RS path template as a pattern: {@code {name}} is one segment, {@code {name: regex}} the regex. */
final class UriTemplate {

    private UriTemplate() {
    }

    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        int at = template.indexOf('{');
        while (at >= 0) {
            regex.append(Pattern.quote(template.substring(literalStart, at)));
            int end = closingBrace(template, at);
            String variable = template.substring(at + 1, end);
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
            literalStart = end + 1;
            at = template.indexOf('{', literalStart);
        }
        regex.append(Pattern.quote(template.substring(literalStart)));
        return Pattern.compile(regex.toString());
    }

    /** A variable's regex may hold braces of its own, as in {@code {id: \d{3}}}. */
    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '{' in the path template " + template);
    }
}
