package dev.reposix.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/** Prints a {@link BenchReport} as plain-text tables (also valid Markdown tables). Stateless. */
final class ReportTable {

    private static final double MEGABYTE = 1_000_000.0;

    private ReportTable() {
    }

    static void print(BenchReport report, PrintStream out) {
        Machine machine = report.machine();
        out.printf(Locale.ROOT, "reposix benchmark, %s%n", report.startedAt());
        out.printf(Locale.ROOT, "machine: %d processors, %s memory, %s; %s; %s; %s; load average at start %s%n%n",
                machine.processors(),
                machine.memoryBytes().map(bytes -> String.format(Locale.ROOT, "%.1f GiB", bytes / 1073741824.0))
                        .orElse("unknown"), machine.cpu().orElse("unknown CPU"), machine.jdk(), machine.os(),
                machine.git(), machine.loadAverage().orElse("unknown"));
        for (SpaceResult space : report.spaces()) {
            printSpace(space, out);
        }
        out.println("Request-count targets (issue 9):");
        for (TargetCheck.Verdict verdict : report.verdicts()) {
            out.printf(Locale.ROOT, "  %s  N=%d  %s: %s: %d (limit %d)%n", verdict.passed() ? "PASS" : "MISS",
                    verdict.pages(), verdict.scenario(), verdict.target(), verdict.actual(), verdict.limit());
        }
    }

    private static void printSpace(SpaceResult space, PrintStream out) {
        FetchFloor.Fetch fetch = space.fetchFloor();
        RenderTimer.Rendering rendering = space.rendering();
        out.printf(Locale.ROOT, "N = %,d pages (average body %,d bytes, concurrency %d)%n%n", space.pages(),
                space.averageBodyBytes(), space.concurrency());
        out.printf(Locale.ROOT, "Floor = fetch %.2f s (%d requests, %.1f MB) + git fast-import %.2f s = %.2f s%n",
                fetch.millis() / 1000.0, fetch.requests(), fetch.bytesReceived() / MEGABYTE,
                space.fastImportMillis() / 1000.0, space.floorMillis() / 1000.0);
        out.printf(Locale.ROOT, "Rendering alone (storage -> Markdown, one thread): %.2f s for %,d bodies "
                + "(%.1f MB storage -> %.1f MB Markdown)%n%n", rendering.millis() / 1000.0, rendering.bodies(),
                rendering.storageBytes() / MEGABYTE, rendering.markdownBytes() / MEGABYTE);
        out.println("| scenario | wall s | x floor | requests | MB sent | peak heap MB | peak RSS MB |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (ScenarioResult scenario : space.scenarios()) {
            if (!scenario.measured()) {
                out.printf(Locale.ROOT, "| %s | %s | | | | | |%n", scenario.name(), scenario.pending().orElseThrow());
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %d | %.2f | %s | %s |%n", scenario.name(),
                    scenario.wallMillis() / 1000.0, space.ratioToFloor(scenario), scenario.totalRequests(),
                    scenario.bytesSent() / MEGABYTE, megabytes(scenario.peakHeapBytes()),
                    megabytes(scenario.peakRssBytes()));
        }
        out.println();
        printEndpoints(space, out);
        out.println();
    }

    /** Requests per endpoint: one column per scenario that made any, plus the floor fetch. */
    private static void printEndpoints(SpaceResult space, PrintStream out) {
        Map<String, Map<String, Long>> columns = new LinkedHashMap<>();
        columns.put("floor fetch", space.fetchFloorRequests());
        for (ScenarioResult scenario : space.scenarios()) {
            if (scenario.measured() && scenario.totalRequests() > 0) {
                columns.put(scenario.name(), scenario.requests());
            }
        }
        TreeSet<String> endpoints = new TreeSet<>();
        columns.values().forEach(requests -> endpoints.addAll(requests.keySet()));
        out.println("| requests per endpoint | " + String.join(" | ", columns.keySet()) + " |");
        out.println("|---" + "|---:".repeat(columns.size()) + "|");
        for (String endpoint : endpoints) {
            StringBuilder row = new StringBuilder("| `" + endpoint + "` |");
            for (Map<String, Long> requests : columns.values()) {
                row.append(' ').append(requests.getOrDefault(endpoint, 0L)).append(" |");
            }
            out.println(row);
        }
    }

    private static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f", bytes.getAsLong() / MEGABYTE) : "n/a";
    }
}
