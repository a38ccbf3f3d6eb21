package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.seed.Seeds;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during init (Fault 10), simulated with a file size limit ({@code ulimit -f})
 * on the built launcher: unlike a tiny tmpfs it needs no mount, and unlike file permissions it binds
 * root too. Writes past the limit fail ({@code EFBIG} in the JVM; git, which does not ignore
 * {@code SIGXFSZ}, dies of it). The command must fail with an RPX error naming the directory, leave
 * no half-written working tree and a cache {@code git fsck --strict} accepts, and the next run with
 * room to write converges.
 */
class FileSizeLimitE2ETest {

    private static final int PAGES = 400;

    @TempDir
    Path temporary;

    private SimulatedSite site;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary, Seeds.generated("BIG", PAGES, 400, 11L));
        environment = site.environment();
        environment.put("REPOSIX_LOCK_WAIT", "1");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void initThatRunsOutOfRoomFailsNamingTheTreeLeavesNothingHalfWrittenAndTheNextInitConverges()
            throws Exception {
        Path tree = temporary.resolve("tree");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"",
                GitProcesses.DISTRIBUTION.resolve("bin/reposix").toString(), "init", "confluence::BIG",
                tree.toString())).directory(temporary.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PATH",
                GitProcesses.DISTRIBUTION.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        Process init = builder.start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(init.exitValue()).as(output).isEqualTo(ExitCodes.USER);
        assertThat(output).containsPattern("error: RPX-300[0-9]|error: RPX-301[0-9]")
                .containsAnyOf(tree.toString(), site.cacheDirectory().toString());
        assertThat(tree).as("no half-written working tree").doesNotExist();
        GitProcesses git = new GitProcesses(environment);
        Path cache = site.cache("BIG");
        git.gitOk(cache, "fsck", "--strict");

        CliRunner cli = new CliRunner();
        assertThat(cli.run(environment, getClass().getClassLoader(), "init", "confluence::BIG", tree.toString()))
                .as(cli.stderr()).isZero();
        assertThat(git.gitOk(tree, "ls-files", "pages").lines().count()).isEqualTo(PAGES);
        assertThat(git.gitOk(tree, "status", "--porcelain")).isEmpty();
        git.gitOk(cache, "fsck", "--strict");
    }
}
