package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reposix doctor} on a tree made by init against the simulator, healthy and then broken one thing at a time. */
class DoctorE2ETest {

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;
    private Path tree;
    private Path cache;
    private Path helperFolder;

    @BeforeEach
    void start() throws IOException {
        site = SimulatedSite.start(temporary);
        helperFolder = Files.createDirectories(temporary.resolve("bin"));
        Path helper = Files.writeString(helperFolder.resolve(RemoteHelper.NAME), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment = site.environment();
        environment.put("PATH", helperFolder.toString());
        tree = temporary.resolve("tree");
        assertThat(reposix("init", "confluence::DEMO", tree.toString())).as(cli.stderr()).isZero();
        cache = site.cache("DEMO");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int reposix(String... args) {
        return cli.run(environment, getClass().getClassLoader(), args);
    }

    private int doctor(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("doctor", tree.toString()));
        args.addAll(List.of(more));
        int exitCode = reposix(args.toArray(String[]::new));
        assertThat(cli.stdout() + cli.stderr()).doesNotContain(SimulatedSite.TOKEN);
        return exitCode;
    }

    @Test
    void aHealthyTreePassesEveryCheckOfflineAndOnline() {
        assertThat(doctor("--online")).as(cli.stdout() + cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("ok     tree").contains("ok     remote").contains("ok     helper")
                .contains("ok     egress").contains("ok     settings").contains("ok     cache")
                .contains("ok     fsck").contains("ok     push-journal").contains("info   audit")
                .contains("ok     online").doesNotContain("error").doesNotContain("warn ")
                .contains("All checks passed.");
    }

    @Test
    void jsonOutputListsEveryFinding() {
        assertThat(doctor("--format", "json")).isZero();
        assertThat(cli.stdout()).contains("\"status\" : \"ok\"").contains("\"check\" : \"fsck\"")
                .contains("\"level\" : \"ok\"");
    }

    @Test
    void aHelperMissingFromPathIsAnErrorWithThePathToExport() {
        environment.put("PATH", temporary.resolve("elsewhere").toString());
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  helper").contains(RemoteHelper.NAME + " is not on PATH")
                .contains("fix: export PATH=");
    }

    @Test
    void anAllowListWithoutTheSiteGivesTheExportLineThatAddsIt() {
        environment.put("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net");
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  egress")
                .contains("fix: export REPOSIX_ALLOWED_ORIGINS=\"https://acme.atlassian.net," + site.baseUrl() + "\"");
    }

    @Test
    void aCloudSiteWhoseMediaServiceIsNotAllowedGetsAWarningWithTheExportLine() throws Exception {
        new GitProcesses(Map.of()).gitOk(tree, "remote", "set-url", "origin",
                "reposix::https://acme.atlassian.net/confluence/projects/DEMO");
        environment.put("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net");

        doctor();

        assertThat(cli.stdout()).contains("ok     egress").contains("warn   attachments")
                .contains("https://api.media.atlassian.com, which REPOSIX_ALLOWED_ORIGINS does not allow")
                .contains("fix: export REPOSIX_ALLOWED_ORIGINS=\"https://acme.atlassian.net,https://api.media.atlassian.com\"");
        environment.put("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net,https://api.media.atlassian.com");
        doctor();
        assertThat(cli.stdout()).doesNotContain("attachments");
    }

    @Test
    void aMissingApiKeyIsNamedWithoutShowingAnySecret() {
        environment.remove("ATLASSIAN_API_KEY");
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  settings").contains("not set: ATLASSIAN_API_KEY")
                .contains("fix: export ATLASSIAN_API_KEY=<value>");
    }

    @Test
    void aMissingCacheIsAnErrorFixedBySync() throws IOException {
        deleteRecursively(cache);
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  cache").contains("does not exist")
                .contains("fix: reposix sync " + tree);
        assertThat(cache).doesNotExist();
    }

    @Test
    void aCorruptedCacheObjectIsReportedByFsck() throws IOException {
        Path victim;
        try (Stream<Path> files = Files.walk(cache.resolve("objects"))) {
            victim = files.filter(Files::isRegularFile)
                    .filter(path -> !path.toString().endsWith(".idx") && !path.toString().contains("info"))
                    .max(Comparator.comparingLong(DoctorE2ETest::size)).orElseThrow();
        }
        victim.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(victim);
        for (int index = bytes.length / 2; index < Math.min(bytes.length, bytes.length / 2 + 64); index++) {
            bytes[index] ^= 0x5a;
        }
        Files.write(victim, bytes);
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  fsck").contains("git fsck --strict found")
                .contains("fix: mv " + cache + " " + cache + ".broken && reposix sync " + tree);
    }

    @Test
    void aLeftoverPushJournalSaysToPushAgain() throws IOException {
        Files.writeString(cache.resolve("push-journal.txt"), "update 65537\n");
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  push-journal").contains("a push was interrupted")
                .contains("fix: reposix push --dry-run, then git push again");
    }

    @Test
    void aPartialLastAuditLineIsToleratedAndReported() throws IOException {
        Files.writeString(cache.resolve("audit.jsonl"), "{\"op\":\"update\",\"id\":\"1\"}\n{\"op\":\"upd",
                StandardCharsets.UTF_8);
        assertThat(doctor()).as(cli.stdout()).isZero();
        assertThat(cli.stdout()).contains("warn   audit").contains("ends in a partial line (line 2, cut off)")
                .contains("1 error(s)".replace("1", "0"));
    }

    @Test
    void aCompleteAuditLineThatIsNotJsonIsAnError() throws IOException {
        Files.writeString(cache.resolve("audit.jsonl"), "{\"op\":\"update\"}\nnot json\n{\"op\":\"create\"}\n",
                StandardCharsets.UTF_8);
        assertThat(doctor()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  audit").contains("line 2");
    }

    @Test
    void aDirectoryThatIsNoWorkingTreeIsAnError() throws IOException {
        Path empty = Files.createDirectories(temporary.resolve("empty"));
        assertThat(reposix("doctor", empty.toString())).isEqualTo(ExitCodes.USER);
        assertThat(cli.stdout()).contains("error  tree");
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException unreadable) {
            return 0;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
