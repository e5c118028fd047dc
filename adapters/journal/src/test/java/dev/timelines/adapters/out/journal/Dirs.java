package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and deletes journal directories in tests. */
final class Dirs {

    private Dirs() {
    }

    /** Replaces {@code to} with a copy of every file in {@code from}; returns {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        delete(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    /** Deletes {@code dir} with everything in it, if it exists. */
    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
