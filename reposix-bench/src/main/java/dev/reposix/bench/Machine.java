package dev.reposix.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run measured: processors, memory, CPU, JDK, git. Immutable.
 *
 * @param processors processors available to the JVM ({@code nproc})
 * @param memoryBytes physical memory, when {@code /proc/meminfo} says
 * @param cpu the CPU model, when {@code /proc/cpuinfo} says
 * @param jdk the JDK running the harness (the launcher uses the same {@code java} unless
 *     {@code JAVA_HOME} says otherwise)
 * @param os the operating system
 * @param git {@code git --version}
 * @param loadAverage {@code /proc/loadavg} when the run started: other work on the machine skews times
 */
public record Machine(int processors, Optional<Long> memoryBytes, Optional<String> cpu, String jdk, String os,
        String git, Optional<String> loadAverage) {

    /**
     * Describes this machine.
     *
     * @return the description
     */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal:").map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024),
                procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                gitVersion(), readLoadAverage());
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> readLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split(" ");
            return Optional.of(fields[0] + " " + fields[1] + " " + fields[2]);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String gitVersion() {
        try {
            Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return output;
        } catch (IOException unavailable) {
            return "git not found";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
