package dev.reposix.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built reposix distribution discovers this backend when its jar is on REPOSIX_CLASSPATH. */
class ExampleBackendInCliE2ETest {

    private static final Path REPOSIX = Path.of(System.getProperty("reposix.distribution"), "bin", "reposix");
    private static final Path EXAMPLE_JAR = Path.of(System.getProperty("example.jar"));

    @TempDir
    Path workDirectory;

    private String backends(Map<String, String> environment) throws IOException, InterruptedException {
        Path output = workDirectory.resolve("output");
        ProcessBuilder builder = new ProcessBuilder(REPOSIX.toString(), "backends")
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("REPOSIX_CLASSPATH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void cliListsTheExampleBackendWhenItsJarIsOnTheClassPath() throws Exception {
        assertThat(EXAMPLE_JAR).exists();

        String listing = backends(Map.of("REPOSIX_CLASSPATH", EXAMPLE_JAR.toString(),
                "REPOSIX_EXAMPLE_DIR", workDirectory.toString()));

        assertThat(listing).contains("example  ").containsPattern("REPOSIX_EXAMPLE_DIR\\s+required\\s+set");
    }

    @Test
    void cliDoesNotKnowTheExampleBackendWithoutItsJar() throws Exception {
        assertThat(backends(Map.of())).doesNotContain("REPOSIX_EXAMPLE_DIR");
    }
}
