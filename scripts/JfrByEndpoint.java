import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording of the service (docs/benchmarks.md, "Where a question's time goes over HTTP") and
 * groups its execution samples and sampled allocations by the REST resource method on the stack (or "outside a
 * resource method": writing the reply, the HTTP stack), then by the layer that owns the top frame (the first
 * frame that is not the JDK's, so that a HashMap counts where it is used). With a filter, it also lists the top
 * stacks of the endpoints whose name contains it. JDK only, run as a single source file:
 *
 * <pre>java scripts/JfrByEndpoint.java service.jfr [endpoint-filter [stack-depth]]</pre>
 *
 * Not part of the build or CI.
 */
public final class JfrByEndpoint {

    private final Map<String, Map<String, Long>> samples = new HashMap<>();
    private final Map<String, Map<String, Long>> allocated = new HashMap<>();
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> filteredStacks = new HashMap<>();
    private final Map<String, Long> filteredAllocations = new HashMap<>();
    private final String filter;
    private final int depth;

    private JfrByEndpoint(String filter, int depth) {
        this.filter = filter;
        this.depth = depth;
    }

    public static void main(String[] args) throws Exception {
        JfrByEndpoint report = new JfrByEndpoint(args.length > 1 ? args[1] : null,
                args.length > 2 ? Integer.parseInt(args[2]) : 3);
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            report.add(event);
        }
        report.print();
    }

    private void add(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        String endpoint = endpoint(stack);
        boolean shown = filter != null && endpoint.contains(filter) && stack != null && !stack.getFrames().isEmpty();
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName().replaceAll("[0-9]+", "N");
                threads.merge(thread, 1L, Long::sum);
                samples.computeIfAbsent(endpoint, k -> new HashMap<>()).merge(owner(stack), 1L, Long::sum);
                if (shown) {
                    filteredStacks.merge(frames(stack), 1L, Long::sum);
                }
            }
            case "jdk.ObjectAllocationSample" -> {
                long bytes = event.getLong("weight");
                String type = event.getClass("objectClass").getName();
                allocated.computeIfAbsent(endpoint, k -> new HashMap<>()).merge(owner(stack) + " " + type, bytes,
                        Long::sum);
                if (shown) {
                    filteredAllocations.merge(type + " @ " + frames(stack), bytes, Long::sum);
                }
            }
            default -> {
            }
        }
    }

    private static String endpoint(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            String type = frames.get(i).getMethod().getType().getName();
            if (type.startsWith("dev.timelines.adapters.in.rest.") && type.endsWith("Resource")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frames.get(i).getMethod().getName();
            }
        }
        return "(outside a resource method)";
    }

    private static String owner(RecordedStackTrace stack) {
        if (stack == null) {
            return "(none)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return layer(type);
            }
        }
        return "JDK only";
    }

    private static String layer(String type) {
        Map<String, String> layers = Map.of("dev.timelines.adapters.out.memory", "memory engine",
                "dev.timelines.adapters.out.journal", "journal", "dev.timelines.application", "application",
                "dev.timelines.domain", "domain", "dev.timelines.adapters.in.rest", "rest adapter",
                "com.fasterxml.jackson", "jackson", "io.netty", "vert.x/netty", "io.vertx", "vert.x/netty",
                "io.quarkus", "quarkus", "org.jboss.resteasy", "quarkus");
        return layers.entrySet().stream().filter(layer -> type.startsWith(layer.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(type);
    }

    private String frames(RecordedStackTrace stack) {
        StringBuilder text = new StringBuilder();
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < Math.min(depth, frames.size()); i++) {
            String type = frames.get(i).getMethod().getType().getName();
            text.append(i == 0 ? "" : " < ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                    .append(frames.get(i).getMethod().getName());
        }
        return text.toString();
    }

    private void print() {
        System.out.println("== execution samples by thread");
        top(threads, 10, "%d", 1);
        System.out.println("== execution samples by endpoint, then by the layer of the top frame");
        grouped(samples, "%d", 1);
        System.out.println("== sampled allocation in MB by endpoint, then by layer and class");
        grouped(allocated, "%.1f", 1e6);
        if (filter != null) {
            System.out.println("== top stacks in " + filter);
            top(filteredStacks, 25, "%d", 1);
            System.out.println("== top allocation sites in " + filter + ", MB");
            top(filteredAllocations, 25, "%.1f", 1e6);
        }
    }

    private static void grouped(Map<String, Map<String, Long>> groups, String format, double unit) {
        Map<String, Long> totals = new HashMap<>();
        groups.forEach((group, counts) -> totals.put(group, counts.values().stream().mapToLong(Long::longValue).sum()));
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(group -> {
            System.out.println(value(format, group.getValue(), unit) + "\t" + group.getKey());
            groups.get(group.getKey()).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8).forEach(part -> System.out.println("\t\t" + value(format, part.getValue(), unit) + "\t"
                            + part.getKey()));
        });
    }

    private static void top(Map<String, Long> counts, int limit, String format, double unit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.println(value(format, entry.getValue(), unit) + "\t" + entry.getKey()));
    }

    private static String value(String format, long value, double unit) {
        return format.equals("%d") ? String.valueOf(value) : String.format(format, value / unit);
    }
}
