package dev.timelines.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What the numbers were measured on, as the report states it. */
record Machine(int cores, String cpu, String memory, String jdk, String jvmOptions, String os) {

    static Machine current() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                procLine("/proc/meminfo", "MemTotal").orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The 1-minute load average: other work on the machine while measuring makes the figures noisier. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException notLinux) {
            return Optional.empty();
        }
    }
}
