package dev.reposix.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheLocationTest {

    private static final Path HOME = Path.of("/home/jane");

    @Test
    void cacheDirVariableWinsOverXdgAndHome() {
        CacheLocation location = CacheLocation.resolve(
                Map.of("REPOSIX_CACHE_DIR", "/tmp/rc", "XDG_CACHE_HOME", "/xdg"), HOME, "confluence", "ENG");

        assertThat(location.directory()).isEqualTo(Path.of("/tmp/rc/confluence-ENG.git"));
    }

    @Test
    void xdgCacheHomeIsUsedWhenCacheDirIsUnsetOrEmpty() {
        CacheLocation location = CacheLocation.resolve(
                Map.of("REPOSIX_CACHE_DIR", "", "XDG_CACHE_HOME", "/xdg"), HOME, "confluence", "ENG");

        assertThat(location.directory()).isEqualTo(Path.of("/xdg/reposix/confluence-ENG.git"));
    }

    @Test
    void homeCacheIsTheDefaultAndRelativeXdgIsIgnored() {
        assertThat(CacheLocation.resolve(Map.of(), HOME, "confluence", "ENG").directory())
                .isEqualTo(Path.of("/home/jane/.cache/reposix/confluence-ENG.git"));
        assertThat(CacheLocation.resolve(Map.of("XDG_CACHE_HOME", "rel"), HOME, "confluence", "ENG").directory())
                .isEqualTo(Path.of("/home/jane/.cache/reposix/confluence-ENG.git"));
    }

    @Test
    void homeVariableStandsForTilde() {
        CacheLocation location = CacheLocation.resolve(Map.of("HOME", "/u/x"), "confluence", "ENG");

        assertThat(location.directory()).isEqualTo(Path.of("/u/x/.cache/reposix/confluence-ENG.git"));
    }

    @Test
    void personalSpaceKeysAreSafeAndUnambiguous() {
        assertThat(CacheLocation.directoryName("confluence", "~jane")).isEqualTo("confluence-%7Ejane.git");
        assertThat(CacheLocation.directoryName("confluence", "%7Ejane")).isEqualTo("confluence-%257Ejane.git");
        assertThat(CacheLocation.directoryName("confluence", "a/b")).isEqualTo("confluence-a%2Fb.git");
        assertThat(CacheLocation.directoryName("confluence", "..")).isEqualTo("confluence-...git");
        assertThat(CacheLocation.directoryName("confluence", "Ünï")).isEqualTo("confluence-%C3%9Cn%C3%AF.git");
    }

    @Test
    void aDashInTheSchemeCannotCollideWithADashInTheProject() {
        assertThat(CacheLocation.directoryName("my-tracker", "x"))
                .isNotEqualTo(CacheLocation.directoryName("my", "tracker-x"))
                .isEqualTo("my%2Dtracker-x.git");
    }

    @Test
    void invalidSchemesAndProjectsAreRefused() {
        assertThatThrownBy(() -> CacheLocation.directoryName("Confluence", "ENG"))
                .isInstanceOf(ReposixException.class)
                .satisfies(e -> assertThat(((ReposixException) e).errorCode()).isEqualTo(GitErrorCode.INVALID_CACHE_NAME));
        assertThatThrownBy(() -> CacheLocation.directoryName("confluence", ""))
                .isInstanceOf(ReposixException.class);
        assertThatThrownBy(() -> CacheLocation.directoryName("confluence", "a\nb"))
                .isInstanceOf(ReposixException.class);
    }
}
