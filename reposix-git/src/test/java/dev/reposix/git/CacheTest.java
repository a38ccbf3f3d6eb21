package dev.reposix.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {

    @TempDir
    Path root;

    @Test
    void openingCreatesABareRepositoryRecordingTheSourceOfTruth() {
        try (Cache cache = TestRepos.cache(root)) {
            assertThat(cache.repository().isBare()).isTrue();
            assertThat(cache.repository().getDirectory().toPath()).isEqualTo(root.resolve("confluence-ENG.git"));
            assertThat(cache.repository().getConfig().getString("reposix", null, "sot")).isEqualTo(TestRepos.SOT);
            assertThat(cache.main()).isEmpty();
        }
        assertThat(root.resolve("confluence-ENG.git/HEAD")).hasContent("ref: refs/heads/main");
    }

    @Test
    void reopeningTheSameSourceOfTruthWorksWithOrWithoutATrailingSlash() {
        TestRepos.cache(root).close();
        try (Cache cache = Cache.open(TestRepos.location(root), TestRepos.SOT + "/")) {
            assertThat(cache.sourceOfTruth()).isEqualTo(TestRepos.SOT + "/");
        }
    }

    @Test
    void anotherSourceOfTruthIsRefusedNamingBothUrlsAndTheCacheVariable() {
        TestRepos.cache(root).close();

        assertThatThrownBy(() -> Cache.open(TestRepos.location(root), "https://other.example/wiki"))
                .isInstanceOfSatisfying(ReposixException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(GitErrorCode.CACHE_OTHER_SOT);
                    assertThat(e.getMessage()).contains(TestRepos.SOT, "https://other.example/wiki",
                            "REPOSIX_CACHE_DIR");
                });
    }

    @Test
    void aDirectoryThatIsNotACacheIsRefused() throws IOException {
        Path target = root.resolve("confluence-ENG.git");
        Files.createDirectories(target);
        Files.writeString(target.resolve("HEAD"), "ref: refs/heads/main\n");

        assertThatThrownBy(() -> TestRepos.cache(root))
                .isInstanceOfSatisfying(ReposixException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(GitErrorCode.CACHE_INVALID));
    }

    @Test
    void aBareRepositoryWithoutTheSotSettingIsRefused() throws Exception {
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(root.resolve("confluence-ENG.git").toFile())
                .call().close();

        assertThatThrownBy(() -> TestRepos.cache(root))
                .isInstanceOfSatisfying(ReposixException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(GitErrorCode.CACHE_INVALID);
                    assertThat(e.getMessage()).contains("reposix.sot");
                });
    }

    @Test
    void aLeftoverOfACrashedCreationIsRemovedAndNeverMistakenForTheCache() throws IOException {
        Path leftover = root.resolve(".confluence-ENG.git.init-999999999-abc");
        Files.createDirectories(leftover.resolve("objects"));

        try (Cache cache = TestRepos.cache(root)) {
            assertThat(cache.repository().getConfig().getString("reposix", null, "sot")).isEqualTo(TestRepos.SOT);
        }
        assertThat(leftover).doesNotExist();
    }

    @Test
    void credentialsInTheSourceOfTruthUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Cache.open(TestRepos.location(root), "https://jane:s3cret@acme.example/wiki"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("s3cret");
        assertThat(root.resolve("confluence-ENG.git")).doesNotExist();
    }
}
