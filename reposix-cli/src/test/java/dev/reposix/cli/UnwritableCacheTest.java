package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache directory reposix cannot write (Fault 10): the command stops with {@code RPX-3003} naming
 * the directory and writes nothing, neither in the cache nor in the working tree. A full disk takes
 * the same path (an {@code IOException} from a write to the cache); a tiny tmpfs needs root and a
 * mount, which a build cannot assume, so a path below a regular file stands in for it: it fails
 * the same way for every user, root included.
 */
class UnwritableCacheTest {

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private SimulatedSite site;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        site = SimulatedSite.start(temporary);
        environment = site.environment();
        // each test names its own unwritable cache folder
        environment.remove("REPOSIX_CACHE_DIR");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aCacheDirectoryBelowAFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(temporary.resolve("not-a-directory"), "x");
        Path cacheRoot = file.resolve("cache");
        environment.put("REPOSIX_CACHE_DIR", cacheRoot.toString());
        Path tree = temporary.resolve("tree");

        int exit = cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString());

        assertThat(exit).as(cli.stderr()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-3003").contains(cacheRoot.toString());
        assertThat(tree).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aWorkingTreeBelowAFileIsRefusedNamingItBeforeAnythingIsFetched() throws Exception {
        Path file = Files.writeString(temporary.resolve("not-a-directory"), "x");
        Path tree = file.resolve("tree");

        int exit = cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString());

        assertThat(exit).as(cli.stderr()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-3014").contains(tree.toString());
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(site.cacheDirectory().resolve("confluence-DEMO.git")).doesNotExist();
    }

    @Test
    void aReadOnlyCacheDirectoryIsRefusedNamingItAndNothingIsWritten() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "file permissions do not bind root; aCacheDirectoryBelowAFileIsRefused... covers this path for root");
        Path cacheRoot = Files.createDirectories(temporary.resolve("cache"));
        Files.setPosixFilePermissions(cacheRoot, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            environment.put("REPOSIX_CACHE_DIR", cacheRoot.toString());
            Path tree = temporary.resolve("tree");

            int exit = cli.run(environment, getClass().getClassLoader(), "init", "confluence::DEMO", tree.toString());

            assertThat(exit).as(cli.stderr()).isEqualTo(ExitCodes.USER);
            assertThat(cli.stderr()).contains("RPX-3003").contains(cacheRoot.toString());
            assertThat(tree).doesNotExist();
            try (var entries = Files.list(cacheRoot)) {
                assertThat(entries).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(cacheRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
