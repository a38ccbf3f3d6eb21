package dev.reposix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelperStartTest {

    @TempDir
    Path distribution;

    @Test
    void aHelperThatAnswersCapabilitiesIsMeasured() throws Exception {
        helper("read command\nprintf 'connect\\n\\n'\ncat > /dev/null\n");

        ScenarioResult result = new HelperStart(distribution, Map.of()).measure("reposix::http://127.0.0.1:1/x", 2);

        assertThat(result.measured()).isTrue();
        assertThat(result.name()).isEqualTo(Scenarios.HELPER_START);
    }

    @Test
    void aHelperThatExitsWithoutAnsweringStaysPending() throws Exception {
        helper("echo 'not available' >&2\nexit 1\n");

        ScenarioResult result = new HelperStart(distribution, Map.of()).measure("reposix::http://127.0.0.1:1/x", 2);

        assertThat(result.measured()).isFalse();
        assertThat(result.pending()).hasValueSatisfying(reason -> assertThat(reason).contains("capabilities"));
    }

    private void helper(String body) throws Exception {
        Path bin = Files.createDirectories(distribution.resolve("bin"));
        Path script = Files.writeString(bin.resolve("git-remote-reposix"), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
