package dev.timelines.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's podman, daemonless, as a test drives it on the project's machines: runc instead of crun (crun 1.8
 * refuses the machines' hybrid cgroup hierarchy) and resource limits within the machine's hard limits (podman's
 * defaults are above them, and raising a limit is refused).
 */
final class Podman {

    private static final List<String> LIMITS = List.of("--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096");

    private Podman() {
    }

    /** Builds {@code dockerfile} in {@code context}, limited like the containers it runs. */
    static void build(Path dockerfile, Path context, String tag, String... buildArgs)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("build", "-q", "-f", dockerfile.toString(), "-t", tag));
        arguments.addAll(LIMITS);
        for (String buildArg : buildArgs) {
            arguments.addAll(List.of("--build-arg", buildArg));
        }
        arguments.add(context.toString());
        run(arguments);
    }

    /** Starts a detached container and returns its id. */
    static String start(String... runArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", "-d"));
        arguments.addAll(LIMITS);
        arguments.addAll(List.of(runArguments));
        return run(arguments).strip();
    }

    /** Runs {@code podman <arguments>} and returns its standard output; fails with its output when it fails. */
    static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman", "--runtime", "runc"));
        command.addAll(arguments);
        return Commands.run(command);
    }

    /** Like {@link #run(List)}, for a command whose failure is expected and harmless (removing what may be gone). */
    static void tryRun(String... arguments) throws InterruptedException {
        try {
            run(List.of(arguments));
        } catch (IOException | IllegalStateException alreadyGone) {
            // Cleanup of something another step may have removed: nothing to do.
        }
    }
}
