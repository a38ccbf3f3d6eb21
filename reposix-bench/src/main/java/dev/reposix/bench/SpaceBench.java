package dev.reposix.bench;

import dev.reposix.api.RecordId;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs every scenario against one generated space on a fresh simulator, in order: an unmeasured
 * {@code init} that warms the simulator up, the fetch floor, {@code init}, the fast-import floor
 * over init's tree, rendering alone, then the syncs (each after its REST edits) and CLI start. Each
 * scenario is a child process of the real launcher; the simulator's counters are reset right before
 * it. Not thread-safe.
 */
final class SpaceBench {

    static final String SPACE = "BENCH";
    private static final String EMAIL = "bench@reposix.example";
    private static final String TOKEN = "bench-token";
    private static final String PROCESS_NOTE = "child process of bin/reposix, JVM start included";

    private final BenchOptions options;

    SpaceBench(BenchOptions options) {
        this.options = options;
    }

    SpaceResult run(int pageCount) throws IOException, InterruptedException {
        Path work = Files.createDirectories(options.work().resolve("n" + pageCount));
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path tree = work.resolve("tree");
        Seed seed = Seeds.generated(SPACE, pageCount, options.averageBodyBytes(), options.randomSeed(),
                options.attachmentEvery());
        List<SeedPage> pages = seed.spaces().get(0).pages();
        List<SeedAttachment> attachments = seed.spaces().get(0).attachments();
        try (ConfluenceSimulator simulator = ConfluenceSimulator.builder().credentials(EMAIL, TOKEN).seed(seed).start()) {
            Map<String, String> environment = environment(simulator, work.resolve("cache"));
            ReposixProcess reposix = new ReposixProcess(options.launcher(), options.agentJar(), environment, logs);
            RequestCounters counters = simulator.counters();
            warmUp(simulator, work);

            FetchFloor floor = new FetchFloor(simulator.baseUrl(), EMAIL, TOKEN, options.concurrency());
            FetchFloor.Fetch bestFetch = null;
            Map<String, Long> fetchRequests = Map.of();
            for (int run = 0; run < options.floorRuns(); run++) {
                counters.reset();
                FetchFloor.Fetch fetch = floor.fetchAll(SPACE);
                if (bestFetch == null || fetch.millis() < bestFetch.millis()) {
                    bestFetch = fetch;
                    fetchRequests = counters.snapshot();
                }
            }

            List<ScenarioResult> scenarios = new ArrayList<>();
            scenarios.add(probed(Scenarios.INIT, counters, reposix, "init", "confluence::" + SPACE, tree.toString()));
            long fastImportMillis = FastImportFloor.importMillis(tree, work.resolve("fast-import.git"));
            RenderTimer.Rendering rendering = RenderTimer.inChildJvm(options.launcher(), pageCount,
                    options.averageBodyBytes(), options.randomSeed());

            scenarios.add(probed(Scenarios.SYNC_NO_CHANGE, counters, reposix, "sync", tree.toString()));
            try (ConfluenceEditor editor = new ConfluenceEditor(environment, SPACE)) {
                editor.appendParagraph(tenSpreadPages(pages), "Edited for the benchmark.");
            }
            scenarios.add(probed(Scenarios.SYNC_TEN_CHANGED, counters, reposix, "sync", tree.toString()));
            try (ConfluenceEditor editor = new ConfluenceEditor(environment, SPACE)) {
                RecordId moved = RecordId.of(pages.get(pages.size() / 2).id());
                RecordId firstChoice = RecordId.of(pages.get(1).id());
                Optional<RecordId> parent = editor.parentOf(moved);
                editor.move(moved, parent.equals(Optional.of(firstChoice)) ? RecordId.of(pages.get(2).id()) : firstChoice);
                // The last generated page is a leaf: every parent comes earlier.
                editor.delete(RecordId.of(pages.get(pages.size() - 1).id()));
            }
            scenarios.add(probed(Scenarios.SYNC_MOVE_DELETE, counters, reposix, "sync", tree.toString()));
            if (!attachments.isEmpty()) {
                SeedAttachment replaced = attachments.get(0);
                try (ConfluenceEditor editor = new ConfluenceEditor(environment, SPACE)) {
                    editor.replaceAttachment(RecordId.of(replaced.pageId()), replaced.title(),
                            "replaced for the benchmark".getBytes(StandardCharsets.UTF_8));
                }
                scenarios.add(probed(Scenarios.SYNC_ATTACHMENT_REPLACED, counters, reposix, "sync", tree.toString()));
            }
            scenarios.add(cliStart(reposix));
            GitScenario git = new GitScenario(options.distribution(), environment, tree, counters);
            scenarios.add(git.pull());
            scenarios.add(git.pushOnePageEdit());
            scenarios.add(mirrorSyncNoChange(counters, reposix, work.resolve("mirror.git")));
            scenarios.add(new HelperStart(options.distribution(), environment)
                    .measure("reposix::" + simulator.baseUrl() + "/confluence/projects/" + SPACE, options.cliStartRuns()));

            return new SpaceResult(pageCount, options.averageBodyBytes(), options.concurrency(), bestFetch, fetchRequests,
                    fastImportMillis, rendering, scenarios);
        }
    }

    /**
     * Warms the simulator up before anything is measured: it runs in this JVM and shares the cores
     * with reposix, and against a simulator whose HTTP and JSON code is not yet compiled a first
     * {@code init} of 10,000 pages took about 1 s longer (the JIT compiling the simulator meanwhile).
     * One unmeasured {@code init}, into a cache and tree of its own, asks every endpoint the
     * scenarios ask; {@code sync} then writes its files out, so that their write-back does not land
     * in a measured scenario.
     */
    private void warmUp(ConfluenceSimulator simulator, Path work) throws IOException, InterruptedException {
        Path warmUp = work.resolve("warm-up");
        Path logs = Files.createDirectories(warmUp.resolve("logs"));
        new ReposixProcess(options.launcher(), options.agentJar(), environment(simulator, warmUp.resolve("cache")), logs)
                .plain("init", "confluence::" + SPACE, warmUp.resolve("tree").toString());
        Process sync = new ProcessBuilder("sync").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        sync.waitFor();
    }

    private Map<String, String> environment(ConfluenceSimulator simulator, Path cache) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ATLASSIAN_EMAIL", EMAIL);
        environment.put("ATLASSIAN_API_KEY", TOKEN);
        environment.put("REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl());
        environment.put("REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl());
        environment.put("REPOSIX_CACHE_DIR", cache.toString());
        environment.put("REPOSIX_CONFLUENCE_CONCURRENCY", Integer.toString(options.concurrency()));
        return environment;
    }

    private static ScenarioResult probed(String name, RequestCounters counters, ReposixProcess reposix, String... args) {
        counters.reset();
        ReposixProcess.Run run = reposix.probed(args);
        return new ScenarioResult(name, Optional.empty(), run.wallMillis(), counters.snapshot(), counters.bytesSent(),
                run.peakHeapBytes(), run.peakRssBytes(), PROCESS_NOTE);
    }

    /**
     * A first mirror sync to an empty bare repository (not timed), then the measured one with
     * nothing to sync: read the mirror, sync, and push only the mirror refs.
     */
    private static ScenarioResult mirrorSyncNoChange(RequestCounters counters, ReposixProcess reposix, Path mirror)
            throws IOException, InterruptedException {
        Process init = new ProcessBuilder("git", "init", "--quiet", "--bare", "--initial-branch=main", mirror.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (init.waitFor() != 0) {
            return ScenarioResult.pending(Scenarios.MIRROR_SYNC, "failed: git init --bare " + mirror);
        }
        reposix.plain("mirror", "sync", "confluence::" + SPACE, "--mirror", mirror.toString());
        return probed(Scenarios.MIRROR_SYNC, counters, reposix, "mirror", "sync", "confluence::" + SPACE, "--mirror",
                mirror.toString());
    }

    private ScenarioResult cliStart(ReposixProcess reposix) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < options.cliStartRuns(); run++) {
            best = Math.min(best, reposix.plain("--version").wallMillis());
        }
        return new ScenarioResult(Scenarios.CLI_START, Optional.empty(), best, Map.of(), 0, OptionalLong.empty(),
                OptionalLong.empty(), "best of " + options.cliStartRuns() + " process starts, no probe");
    }

    /** Ten pages spread over the space, never the homepage. */
    private static List<RecordId> tenSpreadPages(List<SeedPage> pages) {
        int step = (pages.size() - 1) / 10;
        List<RecordId> chosen = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            chosen.add(RecordId.of(pages.get(1 + index * step).id()));
        }
        return chosen;
    }
}
