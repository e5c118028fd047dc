package dev.timelines.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs the Debian packages a test needs when their commands are missing, as README's test command promises
 * (the CI machine is a fresh Debian machine on which the tests run as root, with the Debian mirror reachable).
 */
final class DebianPackages {

    private DebianPackages() {
    }

    /** Runs {@code apt-get install} for {@code packages} unless every one of {@code commands} is on the PATH. */
    static synchronized void ensure(List<String> commands, List<String> packages)
            throws IOException, InterruptedException {
        if (commands.stream().allMatch(DebianPackages::onPath)) {
            return;
        }
        Commands.run(List.of("apt-get", "update", "-qq"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
        install.addAll(packages);
        Commands.run(install);
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, command))
                .anyMatch(Files::isExecutable);
    }
}
