package dev.reposix.cli;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import dev.reposix.core.layout.LinkRewriter;
import dev.reposix.core.sync.AttachOptions;
import dev.reposix.core.sync.AttachReport;
import dev.reposix.core.sync.MirrorReport;
import dev.reposix.core.sync.OrphanPolicy;
import dev.reposix.core.sync.SyncReport;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The nine steps of {@code reposix demo}, told by a {@link DemoNarrator}: a simulated Confluence
 * space becomes a working tree, a plain-git mirror and a vanilla clone of it, follows an edit made
 * in Confluence, and takes an edit back with one {@code git push}. Core does the reposix steps, the
 * real git binary the vanilla-git ones. Not thread-safe; run once.
 */
final class DemoStory {

    /** How many steps the story has. */
    static final int STEPS = 9;
    /** The line the colleague adds in Confluence (step 5). */
    static final String COLLEAGUE_LINE = "Edited in Confluence by a colleague while the reposix demo ran.";
    /** The line the writer adds in the vanilla clone and pushes (step 8). */
    static final String WRITER_LINE = "Bus: one git push that writes to Confluence first, then to the mirror.";

    private static final RemoteSpec DEMO = new RemoteSpec("confluence", "DEMO");
    private static final String COLLEAGUE_PAGE = "Getting Started";
    private static final String WRITER_PAGE = "Glossary";
    private static final String WRITER_FILE = "pages/" + WRITER_PAGE + ".md";

    private final DemoNarrator narrator;
    private final DemoSetting setting;
    private ConfluenceSimulator simulator;
    private DemoGit git;
    private Reposix reposix;

    DemoStory(DemoNarrator narrator, DemoSetting setting) {
        this.narrator = narrator;
        this.setting = setting;
    }

    /** Tells the whole story; the first failing step throws, naming itself. */
    void tell() {
        try {
            narrator.step(1, "Start a Confluence simulator with the demo space (loopback only)", this::startSimulator);
            narrator.step(2, "Check the space out as a git working tree", this::init);
            narrator.step(3, "Keep a plain-git mirror in sync", this::firstMirrorSync);
            narrator.step(4, "Clone the mirror with vanilla git", this::cloneMirror);
            narrator.step(5, "A colleague edits a page in Confluence", this::editInConfluence);
            narrator.step(6, "Sync the mirror again; the vanilla clone pulls the edit", this::secondMirrorSync);
            narrator.step(7, "Attach the vanilla clone to Confluence for writing back", this::attach);
            if (setting.helperFolder().isPresent()) {
                narrator.step(8, "Edit a page in the clone, commit and git push", this::editAndPush);
                narrator.step(9, "Check Confluence and the mirror", this::check);
            } else {
                String reason = RemoteHelper.NAME + " was not found (run the demo from the distribution:"
                        + " reposix-cli/target/reposix/bin/reposix demo), so git cannot push to reposix:: remotes";
                narrator.skip(8, "Edit a page in the clone, commit and git push", reason);
                narrator.skip(9, "Check Confluence and the mirror", reason);
            }
        } finally {
            if (reposix != null) {
                reposix.close();
            }
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private String startSimulator() {
        Seed seed = Seeds.demo();
        simulator = ConfluenceSimulator.builder().credentials(setting.email(), setting.token()).seed(seed).start();
        reposix = Reposix.builder().provider(new ConfluenceProvider())
                .environment(setting.coreEnvironment(simulator.baseUrl())).build();
        git = new DemoGit(setting.directory(), setting.gitEnvironment(simulator.baseUrl()), narrator);
        narrator.command("reposix sim --port " + simulator.port() + " &");
        narrator.command("export REPOSIX_CONFLUENCE_BASE_URL=" + simulator.baseUrl() + " REPOSIX_ALLOWED_ORIGINS="
                + simulator.baseUrl());
        narrator.command("export ATLASSIAN_EMAIL=" + ShellWords.quote(setting.email())
                + " ATLASSIAN_API_KEY=...   # the token reposix sim prints");
        narrator.command("export REPOSIX_CACHE_DIR=" + ShellWords.quote(setting.cache().toString()));
        narrator.command("cd " + ShellWords.quote(setting.directory().toString()));
        return "Confluence simulator on " + simulator.baseUrl() + " serving space DEMO ("
                + seed.spaces().get(0).pages().size() + " pages); a fresh cache in " + setting.cache();
    }

    private String init() throws IOException, InterruptedException {
        narrator.command("reposix init " + DEMO + " tree");
        SyncReport report = reposix.workspaces().init(DEMO, setting.directory().resolve("tree"), Optional.empty());
        narrator.output(InitCommand.summary(Path.of("tree"), DEMO, report));
        return "tree/ is a git working tree of " + markdownFiles("tree", "HEAD") + " Markdown files whose origin is"
                + " reposix::" + simulator.baseUrl() + "/confluence/projects/DEMO";
    }

    private String firstMirrorSync() throws IOException, InterruptedException {
        git.shown("init", "--bare", "--initial-branch=main", "mirror.git");
        mirrorSync();
        return "mirror.git holds the space as " + markdownFiles("mirror.git", "main") + " Markdown files on main "
                + mirrorMain() + ", plus refs/mirrors/confluence-head and refs/mirrors/confluence-synced-at";
    }

    private String cloneMirror() throws IOException, InterruptedException {
        git.shown("clone", "mirror.git", "clone");
        long attachments = git.shown("-C", "clone", "ls-files", "--", "*.assets/*").lines().count();
        return "clone/ is a vanilla git clone of the mirror: " + markdownFiles("clone", "HEAD")
                + " Markdown files and " + attachments + " attachment files beside their pages, no reposix involved";
    }

    private String editInConfluence() {
        narrator.note("meanwhile, in Confluence's editor, a colleague adds a line to \"" + COLLEAGUE_PAGE
                + "\" and publishes (the demo does it through the simulator's REST API)");
        try (SourceOfTruth space = reposix.open(DEMO)) {
            Record page = space.readRecord(entryOf(space, COLLEAGUE_PAGE).id()).orElseThrow();
            UpdateOutcome outcome = space.update(new RecordUpdate(page.id(), page.entry().version(),
                    page.entry().title(), page.entry().parentId(), page.body() + "\n\n" + COLLEAGUE_LINE + "\n",
                    Set.of(), Set.of(), Optional.empty(), Optional.of("A colleague's edit")));
            if (!(outcome instanceof UpdateOutcome.Updated)) {
                throw new IllegalStateException("the simulator did not take the edit: " + outcome);
            }
            return "\"" + COLLEAGUE_PAGE + "\" is at version " + entryOf(space, COLLEAGUE_PAGE).version()
                    + " in Confluence; the mirror does not have it yet";
        }
    }

    private String secondMirrorSync() throws IOException, InterruptedException {
        MirrorReport report = mirrorSync();
        git.shown("-C", "clone", "pull", "--ff-only");
        git.shown("-C", "clone", "log", "--oneline", "-3");
        git.shown("-C", "mirror.git", "for-each-ref", "refs/mirrors/");
        return "the mirror took " + MirrorCommand.Sync.changedPages(report.sync()) + " changed page(s) as a fast-forward to " + mirrorMain()
                + ", and the vanilla clone pulled the colleague's edit with plain git";
    }

    private String attach() throws IOException, InterruptedException {
        narrator.command("reposix attach " + DEMO + " clone");
        AttachReport report = reposix.workspaces().attach(DEMO, setting.directory().resolve("clone"),
                new AttachOptions("reposix", "origin", true, OrphanPolicy.ABORT));
        narrator.output(AttachCommand.headline(report));
        narrator.output(AttachCommand.reconciliationLine(report.reconciliation()));
        narrator.output(AttachCommand.updateLine(report));
        report.warnings().forEach(warning -> narrator.output("warning: " + warning));
        git.shown("-C", "clone", "config", "remote.pushDefault");
        return "clone/ pushes to the remote 'reposix' (" + report.url() + "): Confluence first, then the mirror";
    }

    private String editAndPush() throws IOException, InterruptedException {
        narrator.command("printf '\\n%s\\n' " + ShellWords.quote(WRITER_LINE) + " >> " + ShellWords.quote("clone/"
                + WRITER_FILE));
        Files.writeString(setting.directory().resolve("clone").resolve(WRITER_FILE), "\n" + WRITER_LINE + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        git.shown("-C", "clone", "commit", "--quiet", "-am", WRITER_PAGE + ": define the bus");
        git.shown("-C", "clone", "push");
        return "git push went through " + RemoteHelper.NAME + ": Confluence was written, then the mirror's main moved";
    }

    private String check() throws IOException, InterruptedException {
        narrator.command("reposix list " + DEMO + " | grep " + WRITER_PAGE);
        long version;
        try (SourceOfTruth space = reposix.open(DEMO)) {
            ManifestEntry entry = entryOf(space, WRITER_PAGE);
            version = entry.version();
            narrator.output(entry.id().value() + "  version " + version + "  " + entry.title());
            String body = space.readRecord(entry.id()).orElseThrow().body();
            if (!body.contains(WRITER_LINE)) {
                throw new IllegalStateException("Confluence's \"" + WRITER_PAGE + "\" lacks the pushed line");
            }
        }
        git.shown("-C", "mirror.git", "log", "--oneline", "-3", "main");
        git.shown("clone", "--quiet", "mirror.git", "check");
        narrator.command("grep Bus: check/" + ShellWords.quote(WRITER_FILE));
        List<String> found = Files.readAllLines(setting.directory().resolve("check").resolve(WRITER_FILE)).stream()
                .filter(line -> line.contains(WRITER_LINE)).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("a fresh clone of the mirror lacks the pushed line in " + WRITER_FILE);
        }
        narrator.output(String.join("\n", found));
        return "Confluence has \"" + WRITER_PAGE + "\" version " + version + " with the pushed line, and the"
                + " mirror's main " + mirrorMain() + " has it too";
    }

    private MirrorReport mirrorSync() {
        narrator.command("reposix mirror sync " + DEMO + " --mirror mirror.git");
        MirrorReport report = reposix.workspaces().mirrorSync(DEMO,
                setting.directory().resolve("mirror.git").toString(), setting.directory());
        narrator.output(MirrorCommand.Sync.summary(report, "mirror.git"));
        report.annotationsWarning().ifPresent(warning -> narrator.output("warning: " + warning));
        return report;
    }

    private String mirrorMain() throws IOException, InterruptedException {
        return git.quiet("-C", "mirror.git", "rev-parse", "--short=12", "main");
    }

    /** How many Markdown files a revision of one of the demo's repositories holds. */
    private long markdownFiles(String repository, String revision) throws IOException, InterruptedException {
        return git.quiet("-C", repository, "ls-tree", "-r", "--name-only", revision).lines()
                .filter(path -> path.endsWith(".md") && !LinkRewriter.isInAssetsFolder(path)).count();
    }

    private static ManifestEntry entryOf(SourceOfTruth space, String title) {
        return space.manifest().stream().filter(entry -> entry.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo space has no page \"" + title + "\""));
    }
}
