package dev.timelines.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a run's report into the documentation between the markers of its scale, leaving the prose around it as
 * written; a scale without markers yet is appended at the end.
 */
final class DocsSection {

    private DocsSection() {
    }

    static void replace(Path docs, Scale scale, String report) throws IOException {
        String begin = "<!-- bench:" + scale.label() + ":begin -->";
        String end = "<!-- bench:" + scale.label() + ":end -->";
        String section = begin + "\n" + report + end;
        String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(docs, updated, StandardCharsets.UTF_8);
    }
}
