package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive: {@code .github/scripts/package-distribution.sh} packs the built distribution
 * reproducibly, and the mirror template's own install step (run as {@link ActionsRunner} runs it)
 * installs it from a release folder only when its checksum matches.
 */
class ReleaseArchiveE2ETest {

    private static final Path SCRIPT = Path.of("..", ".github", "scripts", "package-distribution.sh");
    private static final String INSTALL = "Install reposix";

    @TempDir
    Path temporary;

    private String version;
    private Path releases;
    private String archive;

    @BeforeEach
    void release() throws Exception {
        version = Workflow.read(Workflow.MIRROR_TEMPLATE).root().path("env").path("REPOSIX_VERSION").asText();
        archive = "reposix-" + version + ".tar.gz";
        releases = temporary.resolve("releases");
        assertThat(pack(releases.resolve("v" + version)).exitCode()).isZero();
    }

    private ProcessResult pack(Path output) throws IOException, InterruptedException {
        return run(temporary, SCRIPT.toAbsolutePath().toString(), version, GitProcesses.DISTRIBUTION.toString(),
                output.toString());
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private ActionsRunner installer() throws IOException {
        return new ActionsRunner(Workflow.read(Workflow.MIRROR_TEMPLATE), "sync", new ActionsRunner.Context(
                "https://github.com", "acme/eng-mirror", "unused", Map.of(), Map.of()))
                .override("REPOSIX_RELEASES", github -> releases.toUri().toString().replaceFirst("/$", ""));
    }

    @Test
    void packingTheSameDistributionTwiceGivesTheSameBytes() throws Exception {
        Path again = temporary.resolve("again");
        Path launcher = GitProcesses.DISTRIBUTION.resolve("bin/reposix");
        Files.setLastModifiedTime(launcher, FileTime.from(Instant.now()));

        ProcessResult packed = pack(again);

        assertThat(packed.exitCode()).as(packed.output()).isZero();
        String checksum = Files.readString(releases.resolve("v" + version).resolve(archive + ".sha256"));
        assertThat(checksum).matches("[0-9a-f]{64}  " + archive.replace(".", "\\.") + "\n");
        assertThat(Files.readString(again.resolve(archive + ".sha256"))).isEqualTo(checksum);
        assertThat(run(again, "sha256sum", "--check", "--strict", archive + ".sha256").exitCode()).isZero();
        String listing = run(again, "tar", "-tvzf", archive).output();
        assertThat(listing.lines()).allMatch(line -> line.contains(" 0/0 ") && line.contains(" 2026-11-24 00:00 ")
                && line.contains(" reposix-" + version + "/"));
        assertThat(listing).contains("-rwxr-xr-x 0/0").contains("reposix-" + version + "/bin/reposix\n");
        assertThat(listing).as("the build machine's class-data-sharing archive stays out").doesNotContain("reposix.jsa");
    }

    @Test
    void theTemplatesInstallStepInstallsTheReleaseAfterCheckingItsPublishedChecksum() throws Exception {
        ActionsRunner.JobRun run = installer().runStep(temporary.resolve("runner"), INSTALL);

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.step(INSTALL).stdout()).contains(archive + ": OK");
        Path bin = temporary.resolve("runner/temp/reposix/bin");
        assertThat(run.path()).containsExactly(bin.toString());
        assertThat(run(temporary, bin.resolve("reposix").toString(), "--version").output()).startsWith("reposix ");
        awaitArchive(bin.resolve("reposix"));
    }

    @Test
    void theFirstRunOfAnInstalledReleaseWritesAClassDataSharingArchiveTheNextRunsUse() throws Exception {
        ActionsRunner.JobRun run = installer().runStep(temporary.resolve("runner"), INSTALL);
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Path reposix = temporary.resolve("runner/temp/reposix/bin/reposix");
        Path archive = reposix.resolveSibling("../lib/reposix.jsa").normalize();
        assertThat(archive).doesNotExist();

        assertThat(run(temporary, reposix.toString(), "--version").output()).startsWith("reposix ");

        awaitArchive(reposix);
        assertThat(run(temporary, reposix.toString(), "--version").output()).startsWith("reposix ");
        Files.write(archive, new byte[] {1, 2, 3});
        assertThat(run(temporary, reposix.toString(), "--version").output())
                .as("a damaged archive is ignored silently").startsWith("reposix ");
    }

    /**
     * Waits for the class-data-sharing archive a first start writes in the background (under a
     * temporary name, then renamed), so that nothing writes into the temporary folder while it is removed.
     */
    private static void awaitArchive(Path reposix) throws Exception {
        Path archive = reposix.resolveSibling("../lib/reposix.jsa").normalize();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(archive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(archive).exists();
        while (Instant.now().isBefore(deadline)) {
            try (var files = Files.list(archive.getParent())) {
                if (files.noneMatch(file -> file.toString().endsWith(".tmp"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a temporary archive was left in " + archive.getParent());
    }

    @Test
    void anArchiveThatDoesNotMatchThePublishedChecksumIsNotExtracted() throws Exception {
        Path published = releases.resolve("v" + version).resolve(archive);
        byte[] bytes = Files.readAllBytes(published);
        bytes[bytes.length / 2] ^= 1;
        Files.write(published, bytes);

        ActionsRunner.JobRun run = installer().runStep(temporary.resolve("runner"), INSTALL);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.step(INSTALL).stdout() + run.step(INSTALL).stderr()).contains(archive + ": FAILED");
        assertThat(temporary.resolve("runner/temp/reposix")).doesNotExist();
        assertThat(run.path()).isEmpty();
    }

    @Test
    void aPinnedChecksumOverridesThePublishedOne() throws Exception {
        ActionsRunner.JobRun run = installer().override("REPOSIX_SHA256", published -> "0".repeat(64))
                .runStep(temporary.resolve("runner"), INSTALL);

        assertThat(run.succeeded()).isFalse();
        assertThat(temporary.resolve("runner/temp/reposix")).doesNotExist();
        assertThat(run.step(INSTALL).stdout() + run.step(INSTALL).stderr()).contains(archive + ": FAILED");
    }
}
