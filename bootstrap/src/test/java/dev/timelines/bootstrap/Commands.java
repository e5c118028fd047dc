package dev.timelines.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the machine's own commands for the tests that need the tools of a fresh Debian machine. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} to its end and returns its output (standard output and error together); fails with that
     * output when it exits with another status than 0.
     */
    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
