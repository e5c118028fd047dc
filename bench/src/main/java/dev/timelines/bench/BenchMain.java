package dev.timelines.bench;

import java.util.List;

/** Runs the benchmark of docs/benchmarks.md; exits 1 when the engines disagree, 2 on a usage error. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Benchmark(options).run() ? 0 : 1);
    }
}
