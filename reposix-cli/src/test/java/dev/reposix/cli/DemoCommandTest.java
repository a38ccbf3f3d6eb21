package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code reposix demo} checks before it starts anything; the story itself is in {@link DemoE2ETest}. */
class DemoCommandTest {

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();

    @Test
    void helpSaysItNeedsNoNetworkAndNoConfluenceAccount() {
        assertThat(cli.run(Map.of(), getClass().getClassLoader(), "demo", "--help")).isZero();

        assertThat(cli.stdout()).contains("Usage: reposix demo").contains("Needs no network and no Confluence account")
                .contains("--dir=DIR").contains("9. check that Confluence and the mirror have the edit");
    }

    @Test
    void aDemoFolderWithFilesIsRefusedBeforeAnythingStarts() throws Exception {
        Files.writeString(temporary.resolve("notes.txt"), "mine");

        int exitCode = cli.run(Map.of(), getClass().getClassLoader(), "demo", "--dir", temporary.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("--dir " + temporary + " is not empty");
        assertThat(cli.stdout()).isEmpty();
        try (Stream<Path> entries = Files.list(temporary)) {
            assertThat(entries).containsExactly(temporary.resolve("notes.txt"));
        }
    }
}
