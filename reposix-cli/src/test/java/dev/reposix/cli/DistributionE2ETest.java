package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
    void theClassDataSharingArchiveServesTheClassesOfInitNotOnlyThoseOfAStart() throws Exception {
        // one log per process: the demo's git push starts git-remote-reposix, which logs too
        Path logs = Files.createDirectories(workDirectory.resolve("logs"));
        Result demo = run(Map.of("REPOSIX_JAVA_OPTS", "-Xlog:class+load=info:file=" + logs + "/%p.log"), "reposix",
                "demo", "--dir", workDirectory.resolve("demo").toString());
        assertThat(demo.exitCode()).as(demo.stderr()).isZero();

        // JGit is signed on Maven Central, and the JVM never archives a signed jar's classes.
        List<String> loaded = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs)) {
            for (Path file : files) {
                loaded.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        for (String name : List.of("org.eclipse.jgit.lib.Repository ", "org.eclipse.jgit.internal.storage.file.FileRepository ",
                "dev.reposix.backend.confluence.codec.StorageCodec ", "dev.reposix.core.sync.SyncEngine ",
                "com.fasterxml.jackson.databind.ObjectMapper ")) {
            assertThat(loaded).as(name.strip()).anyMatch(line -> line.contains(" " + name)
                    && line.contains("source: shared objects file"));
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(DISTRIBUTION.resolve("lib"), "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    assertThat(file.stream().map(JarEntry::getName)
                            .filter(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")))
                            .as("signature files of " + jar.getFileName()).isEmpty();
                }
            }
        }
    }

    @Test
    void remoteHelperExitsQuietlyWhenGitSendsNothing() throws Exception {
        Result result = run(Map.of(), "git-remote-reposix", "origin", "http://127.0.0.1:1/confluence/projects/X");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
    }
}
