package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher scripts of the built distribution as a user would. */
class DistributionE2ETest {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("reposix.distribution", "target/reposix"));

    @TempDir
    Path workDirectory;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(Map<String, String> environment, String command, String... args)
            throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(DISTRIBUTION.resolve("bin").resolve(command).toString());
        commandLine.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workDirectory.toFile());
        builder.environment().putAll(environment);
        Path out = workDirectory.resolve("stdout");
        Path err = workDirectory.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionWorkFromTheDistribution() throws Exception {
        Result help = run(Map.of(), "reposix", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: reposix").contains("explain");

        Result version = run(Map.of(), "reposix", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("reposix 0.1.0");
    }

    @Test
    void explainListWorksFromTheDistribution() throws Exception {
        Result result = run(Map.of(), "reposix", "explain", "--list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("RPX-1001  EGRESS_DENIED");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void launcherWorksThroughASymlinkOnPath() throws Exception {
        Path binOnPath = Files.createDirectories(workDirectory.resolve("bin"));
        Files.createSymbolicLink(binOnPath.resolve("reposix"), DISTRIBUTION.resolve("bin/reposix").toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(binOnPath.resolve("reposix").toString(), "--version");
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(output).startsWith("reposix ");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Result result = run(Map.of(), "reposix", "no-such-command");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void remoteHelperExitsQuietlyWhenGitSendsNothing() throws Exception {
        Result result = run(Map.of(), "git-remote-reposix", "origin", "http://127.0.0.1:1/confluence/projects/X");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
    }
}
