package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reposix demo} as a user runs it: from the built distribution, offline, with the real git
 * binary; and in-process without the remote helper.
 */
class DemoE2ETest {

    /** A stated product requirement: the demo finishes in under two minutes. */
    private static final Duration PROMISED = Duration.ofMinutes(2);
    private static final List<String> STEPS = List.of(
            "[1/9] Start a Confluence simulator with the demo space (loopback only)",
            "[2/9] Check the space out as a git working tree",
            "[3/9] Keep a plain-git mirror in sync",
            "[4/9] Clone the mirror with vanilla git",
            "[5/9] A colleague edits a page in Confluence",
            "[6/9] Sync the mirror again; the vanilla clone pulls the edit",
            "[7/9] Attach the vanilla clone to Confluence for writing back",
            "[8/9] Edit a page in the clone, commit and git push",
            "[9/9] Check Confluence and the mirror");

    @TempDir
    Path temporary;

    /** The user's PATH without any folder that holds the helper, so only the launcher can point at it. */
    private static String pathWithoutHelper() {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry, RemoteHelper.NAME)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> results(String stdout) {
        return stdout.lines().filter(line -> line.startsWith("  -> ")).toList();
    }

    @Test
    void theDistributionTellsTheWholeStoryAndOneGitPushReachesConfluenceAndTheMirror() throws Exception {
        Path demo = temporary.resolve("demo");
        GitProcesses processes = new GitProcesses(Map.of("PATH", pathWithoutHelper()));

        long started = System.nanoTime();
        GitProcesses.Result result = processes.run(Map.of(), new byte[0], temporary,
                List.of(GitProcesses.DISTRIBUTION.resolve("bin/reposix").toString(), "demo", "--dir", demo.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String stdout = result.out();
        assertThat(result.exitCode()).as(stdout + result.stderr()).isZero();
        assertThat(took).as("the demo's wall time").isLessThan(PROMISED);
        assertThat(stdout.lines().filter(line -> line.startsWith("[")).toList()).isEqualTo(STEPS);
        assertThat(results(stdout)).hasSize(STEPS.size()).noneMatch(line -> line.contains("skipped"));
        assertThat(stdout)
                .contains("Demo folder: " + demo.toRealPath())
                .contains("$ reposix init confluence::DEMO tree\n")
                .contains("$ git init --bare --initial-branch=main mirror.git\n")
                .contains("$ reposix mirror sync confluence::DEMO --mirror mirror.git\n    Mirror synced: ")
                .contains("$ git clone mirror.git clone\n")
                .contains("# meanwhile, in Confluence's editor, a colleague adds a line to \"Getting Started\"")
                .contains("$ git -C clone pull --ff-only\n")
                .contains("$ git -C clone log --oneline -3\n")
                .contains("Update \"Getting Started\"")
                .contains("$ git -C mirror.git for-each-ref refs/mirrors/\n")
                .contains("commit\trefs/mirrors/confluence-head")
                .contains("$ reposix attach confluence::DEMO clone\n")
                .contains("Reconciled: 31 matched, 0 local new, 0 orphaned, mirror lag 0")
                .contains("$ git -C clone commit --quiet -am 'Glossary: define the bus'\n$ git -C clone push\n")
                .contains("    remote: reposix: 0 page(s) created, 1 updated, 0 deleted\n")
                .contains("    remote: reposix: the mirror origin has the new main too\n")
                .contains("  -> Confluence has \"Glossary\" version 2 with the pushed line, and the mirror's main")
                .contains("Demo finished in ");
        assertThat(stdout + result.stderr()).doesNotContainPattern("demo-[0-9a-f]{8}-[0-9a-f]{4}");

        GitProcesses git = new GitProcesses(Map.of());
        assertThat(git.gitOk(demo, "--git-dir=mirror.git", "show", "main:pages/Glossary.md"))
                .contains(DemoStory.WRITER_LINE);
        assertThat(git.gitOk(demo, "--git-dir=mirror.git", "show", "main:pages/Getting Started.md"))
                .contains(DemoStory.COLLEAGUE_LINE);
        assertThat(git.gitOk(demo.resolve("clone"), "rev-parse", "main"))
                .isEqualTo(git.gitOk(demo, "--git-dir=mirror.git", "rev-parse", "main"));
        Matcher cache = Pattern.compile("\\$ export REPOSIX_CACHE_DIR=(\\S+)").matcher(stdout);
        assertThat(cache.find()).isTrue();
        assertThat(Path.of(cache.group(1))).as("the temporary cache is removed").doesNotExist();
    }

    @Test
    void withoutTheRemoteHelperThePushStepsAreSkippedWithANote() throws Exception {
        assertThat(System.getProperty(HelperLocation.HOME_PROPERTY)).isNull();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", pathWithoutHelper());
        Path demo = temporary.resolve("demo");
        CliRunner cli = new CliRunner();

        int exitCode = cli.run(environment, getClass().getClassLoader(), "demo", "--dir", demo.toString());

        assertThat(exitCode).as(cli.stdout() + cli.stderr()).isZero();
        List<String> results = results(cli.stdout());
        assertThat(results).hasSize(STEPS.size());
        assertThat(results.subList(7, 9)).allMatch(line -> line.startsWith("  -> skipped: git-remote-reposix was not"
                + " found (run the demo from the distribution: reposix-cli/target/reposix/bin/reposix demo)"));
        assertThat(new GitProcesses(Map.of()).gitOk(demo, "--git-dir=mirror.git", "show",
                "main:pages/Getting Started.md")).contains(DemoStory.COLLEAGUE_LINE);
    }
}
