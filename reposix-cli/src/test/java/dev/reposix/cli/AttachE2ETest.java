package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.testkit.RecordingSocketServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reposix attach} on a vanilla clone of a mirror made by {@code reposix mirror sync}, against
 * the simulator, on a reader's machine with its own cache and the built distribution's
 * {@code git-remote-reposix} on {@code PATH}; checked with the real git binary.
 */
class AttachE2ETest {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("reposix.distribution", "target/reposix"))
            .toAbsolutePath();
    private static final String GLOSSARY = "pages/Glossary.md";

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    /** The machine that keeps the mirror in sync. */
    private Map<String, String> syncer;
    /** The reader's machine: another cache, the helper on PATH. */
    private Map<String, String> reader;
    private Path mirror;
    private Path clone;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(temporary);
        syncer = site.environment();
        syncer.put("REPOSIX_CACHE_DIR", temporary.resolve("sync-cache").toString());
        reader = new HashMap<>(syncer);
        reader.put("REPOSIX_CACHE_DIR", temporary.resolve("reader-cache").toString());
        reader.put("PATH", DISTRIBUTION.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        mirror = temporary.resolve("mirror.git");
        git(temporary, "init", "--quiet", "--bare", "--initial-branch=main", mirror.toString());
        assertThat(cli.run(syncer, getClass().getClassLoader(), "mirror", "sync", "confluence::DEMO", "--mirror",
                mirror.toString())).as(cli.stderr()).isZero();
        clone = temporary.resolve("clone");
        git(temporary, "clone", "--quiet", mirror.toString(), clone.toString());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int attach(String... options) {
        List<String> args = new ArrayList<>(List.of("attach", "confluence::DEMO", clone.toString()));
        args.addAll(List.of(options));
        return cli.run(reader, getClass().getClassLoader(), args.toArray(String[]::new));
    }

    /** Runs git with the reader's environment, so that a reposix:: remote reaches the built helper. */
    private String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString(), "-c", "user.name=Reader",
                "-c", "user.email=reader@example.com"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (reader != null) {
            builder.environment().putAll(reader);
        }
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }

    private String config(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("config"));
        command.addAll(List.of(args));
        return git(clone, command.toArray(String[]::new)).strip();
    }

    private String main() throws Exception {
        return git(clone, "rev-parse", "main").strip();
    }

    private void commitInClone(String message) throws Exception {
        git(clone, "add", "-A");
        git(clone, "commit", "--quiet", "-m", message);
    }

    private void editInConfluence(String title, String body) {
        ConfluenceEdits.replaceBody(syncer, "DEMO", title, body);
    }

    private void deleteInConfluence(String title) {
        ConfluenceEdits.delete(syncer, "DEMO", title);
    }

    /** The clone as far as attach may change it: config, refs, HEAD, files. */
    private String snapshot() throws Exception {
        return git(clone, "config", "--local", "--list") + git(clone, "for-each-ref") + git(clone, "status",
                "--porcelain", "--untracked-files=all") + main();
    }

    @Test
    void attachBindsAVanillaCloneOfTheMirrorOnItsOwnHistoryAndCatchesUpWithTheSourceOfTruth() throws Exception {
        String cloned = main();
        editInConfluence("Getting Started", "<p>Edited after the mirror synced.</p>");

        assertThat(attach()).as(cli.stderr()).isZero();

        String url = "reposix::" + site.baseUrl() + "/confluence/projects/DEMO?mirror=origin";
        assertThat(config("--get", "remote.reposix.url")).isEqualTo(url);
        assertThat(config("--get", "remote.pushDefault")).isEqualTo("reposix");
        assertThat(config("--get-all", "remote.origin.fetch")).isEqualTo("+refs/heads/*:refs/remotes/origin/*\n"
                + "+refs/mirrors/*:refs/mirrors/*\n+refs/reposix/state:refs/reposix/state");
        assertThat(git(clone, "for-each-ref", "--format=%(refname)", "refs/mirrors/", "refs/reposix/state"))
                .contains("refs/mirrors/confluence-head\n").contains("refs/mirrors/confluence-synced-at\n")
                .contains("refs/reposix/state\n");
        git(clone, "merge-base", "--is-ancestor", cloned, "main");
        assertThat(git(clone, "log", "--format=%s", cloned + "..main")).isEqualTo("Update \"Getting Started\"\n");
        assertThat(Files.readString(clone.resolve("pages/Getting Started.md"))).contains("Edited after the mirror synced.");
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
        assertThat(cli.stdout()).contains("Attached " + clone.toRealPath() + " to confluence::DEMO through the remote"
                + " 'reposix' (" + url + ")")
                .contains("Reconciled: 31 matched, 0 local new, 0 orphaned, mirror lag 1\n")
                .contains("main fast-forwarded to " + main().substring(0, 12));
        assertThat(cli.stderr()).doesNotContain("warning");

        // git itself reaches the source of truth through the helper, ?mirror= and all, and finds nothing new
        git(clone, "fetch", "--quiet", "reposix");
        assertThat(git(clone, "rev-parse", "reposix/main").strip()).isEqualTo(main());
        git(clone, "fetch", "--quiet", "origin");

        String attached = snapshot();
        assertThat(attach()).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("Already attached").contains("Reconciled: 31 matched, 0 local new, 0 orphaned,"
                + " mirror lag 1\n").contains("main is up to date");
        assertThat(snapshot()).as("attaching again changes nothing").isEqualTo(attached);

        assertThat(cli.run(reader, getClass().getClassLoader(), "attach", "confluence::OTHER", clone.toString()))
                .isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-0109").contains("through its remote 'reposix'")
                .contains("git remote remove reposix and git config --unset remote.pushDefault");
        assertThat(snapshot()).isEqualTo(attached);
        assertThat(temporary.resolve("reader-cache/confluence-OTHER.git")).doesNotExist();
    }

    @Test
    void localWorkIsLeftAloneAndTheExactPullToCatchUpIsPrinted() throws Exception {
        String cloned = main();
        Files.writeString(clone.resolve("pages/Local idea.md"), "---\ntitle: \"Local idea\"\n---\n\nNot pushed yet.\n");
        commitInClone("A page of my own");
        String mine = main();

        assertThat(attach("--no-bus")).as(cli.stderr()).isZero();

        assertThat(config("--get", "remote.reposix.url")).endsWith("/confluence/projects/DEMO");
        assertThat(cli.stdout()).contains("main has commits of its own on top of the source of truth's latest state");
        assertThat(main()).isEqualTo(mine);

        editInConfluence("Getting Started", "<p>Edited while the reader worked.</p>");
        assertThat(attach("--no-bus")).as(cli.stderr()).isZero();

        assertThat(main()).isEqualTo(mine);
        assertThat(cli.stdout()).contains("Reconciled: 31 matched, 1 local new, 0 orphaned, mirror lag 1")
                .contains("New pages (no id; left alone, a push creates them): pages/Local idea.md")
                .contains("run: git pull --rebase reposix main");
        git(clone, "pull", "--quiet", "--rebase", "reposix", "main");
        git(clone, "merge-base", "--is-ancestor", "reposix/main", "main");
        assertThat(git(clone, "log", "--format=%s", cloned + "..main"))
                .isEqualTo("A page of my own\nUpdate \"Getting Started\"\n");
    }

    @Test
    void twoFilesClaimingOnePageStopTheAttachBeforeTheCloneChanges() throws Exception {
        Files.copy(clone.resolve(GLOSSARY), clone.resolve("pages/Copy of Glossary.md"));
        commitInClone("Copy a page");
        String before = snapshot();

        assertThat(attach()).isEqualTo(ExitCodes.USER);

        assertThat(cli.stderr()).contains("RPX-0212").contains("pages/Copy of Glossary.md and pages/Glossary.md (id ");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPageDeletedInConfluenceStopsTheAttachByDefaultAndNamesThePolicies() throws Exception {
        deleteInConfluence("Glossary");
        String before = snapshot();

        assertThat(attach()).isEqualTo(ExitCodes.CONFLICT);

        assertThat(cli.stderr()).contains("RPX-0110").contains(GLOSSARY + " (id ").contains("Nothing was changed")
                .contains("--orphan-policy delete-local").contains("--orphan-policy fork-as-new");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void deleteLocalLetsTheFileOfADeletedPageGoWithTheFastForward() throws Exception {
        deleteInConfluence("Glossary");

        assertThat(attach("--orphan-policy", "delete-local")).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("Reconciled: 30 matched, 0 local new, 1 orphaned, mirror lag 0")
                .contains("removed when main is brought up to date (git history keeps them): " + GLOSSARY);
        assertThat(clone.resolve(GLOSSARY)).doesNotExist();
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
        assertThat(git(clone, "log", "--format=%s", "-1", "--", GLOSSARY)).contains("deleted");
    }

    @Test
    void forkAsNewKeepsTheFileOfADeletedPageWithoutItsIdForTheNextPush() throws Exception {
        String original = Files.readString(clone.resolve(GLOSSARY));
        deleteInConfluence("Glossary");

        assertThat(attach("--orphan-policy", "fork-as-new")).as(cli.stderr()).isZero();

        assertThat(cli.stdout()).contains("1 orphaned").contains("kept without their id (commit and push them to"
                + " create them again): " + GLOSSARY);
        String forked = Files.readString(clone.resolve(GLOSSARY));
        assertThat(forked).doesNotContain("id:").contains("title: \"Glossary\"");
        assertThat(original.replaceFirst("id: \"[^\"]*\"\n", "")).isEqualTo(forked);
        assertThat(git(clone, "status", "--porcelain")).isEqualTo("?? " + GLOSSARY + "\n");
    }

    @Test
    void forkAsNewNeedsACleanMainAndChangesNothingOtherwise() throws Exception {
        Files.writeString(clone.resolve("pages/README.md"), "uncommitted\n");
        deleteInConfluence("Glossary");
        String before = snapshot();

        assertThat(attach("--orphan-policy", "fork-as-new")).isEqualTo(ExitCodes.USER);

        assertThat(cli.stderr()).contains("RPX-0111").contains("uncommitted changes");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCloneOfAnotherProjectsMirrorIsRefusedBeforeAnythingIsOpened() throws Exception {
        String before = snapshot();

        assertThat(cli.run(reader, getClass().getClassLoader(), "attach", "confluence::OTHER", clone.toString()))
                .isEqualTo(ExitCodes.USER);

        assertThat(cli.stderr()).contains("RPX-0109").contains("is a clone of the mirror of confluence::DEMO");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(temporary.resolve("reader-cache")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotACloneOfTheMirrorIsRefusedWithTheFix() throws Exception {
        Path empty = Files.createDirectories(temporary.resolve("empty"));
        assertThat(cli.run(reader, getClass().getClassLoader(), "attach", "confluence::DEMO", empty.toString()))
                .isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-3013").contains("not inside a git work tree");

        assertThat(attach("--mirror-name", "upstream")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-0108").contains("has no remote 'upstream' (its remotes: origin)")
                .contains("--mirror-name");
    }

    @Test
    void anExistingPushDefaultIsKeptAndAMissingHelperIsReported() throws Exception {
        git(clone, "config", "remote.pushDefault", "origin");
        reader.put("PATH", "/usr/bin:/bin");

        assertThat(attach()).as(cli.stderr()).isZero();

        assertThat(config("--get", "remote.pushDefault")).isEqualTo("origin");
        assertThat(cli.stderr()).contains("warning: remote.pushDefault is 'origin' and was left alone")
                .contains("git push reposix main")
                .contains("warning: git-remote-reposix is not on PATH");
    }

    /** A push from the clone, with the reader's environment; it may fail. */
    private GitProcesses.Result push(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-c", "user.name=Reader", "-c", "user.email=reader@example.com",
                "push"));
        command.addAll(List.of(args));
        return new GitProcesses(reader).git(Map.of(), clone, command.toArray(String[]::new));
    }

    private void prependInConfluence(String title, String line) {
        ConfluenceEdits.editBody(syncer, "DEMO", title, body -> line + "\n\n" + body);
    }

    private String storageOf(String title) {
        return site.simulator().snapshot().spaces().get(0).pages().stream().filter(page -> page.title().equals(title))
                .findFirst().orElseThrow().body();
    }

    @Test
    void patternCAnEditPushedFromAnAttachedCloneReachesConfluenceThenTheMirrorAndAVanillaReader() throws Exception {
        assertThat(attach()).as(cli.stderr()).isZero();
        Files.writeString(clone.resolve(GLOSSARY), Files.readString(clone.resolve(GLOSSARY)) + "\nPushed over the bus.\n");
        commitInClone("Glossary: a line over the bus");

        GitProcesses.Result pushed = push();

        assertThat(pushed.exitCode()).as(pushed.stderr()).isZero();
        assertThat(pushed.stderr()).contains("reposix: 0 page(s) created, 1 updated, 0 deleted")
                .contains("the mirror origin has the new main too");
        assertThat(storageOf("Glossary")).contains("Pushed over the bus.");
        assertThat(git(mirror, "rev-parse", "main").strip()).isEqualTo(main());
        Path vanilla = temporary.resolve("vanilla");
        git(temporary, "clone", "--quiet", mirror.toString(), vanilla.toString());
        assertThat(Files.readString(vanilla.resolve(GLOSSARY))).contains("Pushed over the bus.");
        assertThat(git(mirror, "for-each-ref", "--format=%(refname)")).contains("refs/reposix/state");
    }

    @Test
    void aBusWhoseMirrorIsOffTheAllowListRejectsThePushBeforeAnyWriteAndNothingReachesTheMirror() throws Exception {
        assertThat(attach()).as(cli.stderr()).isZero();
        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            git(clone, "remote", "set-url", "origin", excluded.origin() + "/m.git");
            String before = storageOf("Glossary");
            Files.writeString(clone.resolve(GLOSSARY), Files.readString(clone.resolve(GLOSSARY)) + "\nNever sent.\n");
            commitInClone("Glossary: a line for a denied mirror");
            site.simulator().counters().reset();

            GitProcesses.Result rejected = push();

            assertThat(rejected.exitCode()).isNotZero();
            assertThat(rejected.stderr()).contains("! [remote rejected] main -> main (egress-denied)")
                    .contains("RPX-1001").contains(excluded.origin());
            assertThat(storageOf("Glossary")).isEqualTo(before);
            assertThat(site.simulator().counters().snapshot().keySet()).as("requests to Confluence")
                    .allMatch(endpoint -> endpoint.startsWith("GET "));
            assertThat(excluded.connections()).as("connections to the excluded mirror").isZero();
            assertThat(excluded.bytesReceived()).isZero();
        }
    }

    @Test
    void aConflictInAnAttachedCloneWhoseMirrorLagsIsRecoveredByThePrintedCommand() throws Exception {
        assertThat(attach()).as(cli.stderr()).isZero();
        prependInConfluence("Glossary", "Their first line.");
        Files.writeString(clone.resolve(GLOSSARY), Files.readString(clone.resolve(GLOSSARY)) + "\nMy last line.\n");
        commitInClone("Glossary: my line");

        GitProcesses.Result rejected = push();

        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stderr()).contains("! [remote rejected] main -> main (fetch first)")
                .contains("\"Glossary\" (pages/Glossary.md) was changed in Confluence")
                .contains("git pull --rebase reposix main && git push reposix main")
                .contains("your mirror was last synced from confluence at");
        assertThat(storageOf("Glossary")).doesNotContain("My last line.");

        git(clone, "pull", "--quiet", "--rebase", "reposix", "main");
        GitProcesses.Result recovered = push("reposix", "main");

        assertThat(recovered.exitCode()).as(recovered.stderr()).isZero();
        assertThat(storageOf("Glossary")).contains("Their first line.").contains("My last line.");
        assertThat(git(mirror, "rev-parse", "main").strip()).isEqualTo(main());
    }
}
