package dev.reposix.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A Java agent loaded into each measured reposix process ({@code -javaagent:reposix-bench-probe.jar=<file>}):
 * when the process exits it writes its peak heap and its peak resident set size to the file, as Java
 * properties. It does nothing else, so the process runs the real
 * launcher, flags and code.
 *
 * <p>Peak heap is the sum of the heap pools' peak usages. Pools peak at different moments, so the
 * sum is an upper bound of the true peak (never below it). RSS is {@code VmHWM} from
 * {@code /proc/self/status} (Linux only; absent elsewhere).
 *
 * <p>Stateless; thread-safe.
 */
public final class ProcessProbe {

    static final String PEAK_HEAP = "peakHeapBytes";
    static final String PEAK_RSS = "peakRssBytes";

    private ProcessProbe() {
    }

    /**
     * Agent entry point.
     *
     * @param output the file to write the measurements to
     */
    public static void premain(String output) {
        Path file = Path.of(output);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(file), "reposix-bench-probe"));
    }

    private static void write(Path file) {
        Properties measured = new Properties();
        measured.setProperty(PEAK_HEAP, Long.toString(peakHeapBytes()));
        peakRssBytes().ifPresent(rss -> measured.setProperty(PEAK_RSS, Long.toString(rss)));
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            measured.store(out, "reposix-bench probe");
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** The sum of every heap pool's peak usage since the JVM started. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** {@code VmHWM} of this process, where {@code /proc} has it. */
    static Optional<Long> peakRssBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(status, StandardCharsets.UTF_8);
            return lines.stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
