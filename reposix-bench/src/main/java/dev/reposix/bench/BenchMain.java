package dev.reposix.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark command: {@code java -jar reposix-bench/target/reposix-bench.jar [--pages 1000,10000]
 * [--json out.json] [--check]}. See {@code docs/benchmarks.md}. Not thread-safe.
 */
@Command(name = "reposix-bench", mixinStandardHelpOptions = true, version = "reposix-bench (issue 9 harness)",
        description = "Runs the issue 9 scenarios against the Confluence simulator beside the measured floor.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--pages", split = ",", description = "space sizes N (default: 1000,10000)")
    private List<Integer> pages = List.of(1_000, 10_000);

    @Option(names = "--json", description = "also write the results as JSON to this file")
    private Path json;

    @Option(names = "--check", description = "exit 1 when a request-count target of issue 9 is missed")
    private boolean check;

    @Option(names = "--distribution", description = "the CLI distribution (default: reposix-cli/target/reposix)")
    private Path distribution = Path.of("reposix-cli", "target", "reposix");

    @Option(names = "--body-bytes", description = "average storage body size (default: 5000)")
    private int bodyBytes = 5_000;

    @Option(names = "--seed", description = "generator seed (default: 42)")
    private long seed = 42;

    @Option(names = "--cli-runs", description = "reposix --version starts; the best counts (default: 5)")
    private int cliRuns = 5;

    @Option(names = "--floor-runs", description = "fetch-floor runs; the best counts (default: 3)")
    private int floorRuns = 3;

    @Option(names = "--attachment-every", description = "attach a small image to every K-th page (default: 100; 0: none)")
    private int attachmentEvery = 100;

    @Option(names = "--keep-work", description = "keep the caches, trees and logs (printed at the end)")
    private boolean keepWork;

    /**
     * Runs the benchmark and exits.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException, URISyntaxException {
        Path launcher = distribution.resolve("bin").resolve("reposix");
        if (!Files.isExecutable(launcher)) {
            System.err.println(launcher.toAbsolutePath() + " is missing: run from the repository root after "
                    + "mvn -B -ntp -pl reposix-bench -am package -DskipTests, or pass --distribution");
            return 2;
        }
        Path work = Files.createTempDirectory("reposix-bench-");
        try {
            BenchOptions options = new BenchOptions(pages, bodyBytes, seed, distribution.toAbsolutePath(), probeJar(), work,
                    concurrency(), cliRuns, floorRuns, attachmentEvery);
            BenchReport report = BenchRun.run(options);
            ReportTable.print(report, System.out);
            if (json != null) {
                ReportJson.write(report, json);
                System.out.println("JSON written to " + json);
            }
            return check && !report.targetsMet() ? 1 : 0;
        } finally {
            if (keepWork) {
                System.out.println("Work folder kept: " + work);
            } else {
                deleteRecursively(work);
            }
        }
    }

    /** The concurrency reposix will use, so the floor fetch uses the same. */
    static int concurrency() {
        String value = System.getenv("REPOSIX_CONFLUENCE_CONCURRENCY");
        return value == null || value.isBlank() ? 2 : Integer.parseInt(value.trim());
    }

    /** The probe agent jar, built beside this one. */
    static Path probeJar() throws URISyntaxException {
        Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path probe = location.resolveSibling("reposix-bench-probe.jar");
        if (!Files.isRegularFile(probe)) {
            throw new IllegalStateException(probe + " is missing; run the packaged jar "
                    + "(java -jar reposix-bench/target/reposix-bench.jar) after mvn package");
        }
        return probe;
    }

    /**
     * Deletes the work folder. git may still be packing a cache in the background (an automatic
     * gc that a fetch started detached), adding files while the walk deletes: the walk is retried
     * for a while before giving up.
     */
    static void deleteRecursively(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(root);
                return;
            } catch (DirectoryNotEmptyException | NoSuchFileException stillChanging) {
                if (attempt == 20) {
                    throw stillChanging;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw stillChanging;
                }
            }
        }
    }

    private static void deleteOnce(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
