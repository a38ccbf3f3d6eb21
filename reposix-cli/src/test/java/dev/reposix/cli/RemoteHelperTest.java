package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.RemoteSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helper's protocol handling and URL parsing, in-process with in-memory streams. */
class RemoteHelperTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String url, String input, Map<String, String> variables) {
        RemoteHelper helper = new RemoteHelper("origin", url, new CliEnvironment(variables, getClass().getClassLoader()),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return helper.run();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void capabilitiesAreAnsweredWithConnectAndABlankLine() {
        assertThat(run("http://127.0.0.1:1/confluence/projects/X", "capabilities\n\n", Map.of())).isZero();

        assertThat(stdout()).isEqualTo("connect\n\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void receivePackForABadUrlFailsOnStderrWithoutTouchingStdout() {
        int exitCode = run("http://127.0.0.1:1/not-a-remote", "capabilities\nconnect git-receive-pack\n", Map.of());

        assertThat(exitCode).isEqualTo(ExitCodes.USER);
        assertThat(stdout()).isEqualTo("connect\n\n");
        assertThat(stderr()).contains("is not a reposix remote URL");
    }

    @Test
    void unknownCommandsAndServicesFailClearly() {
        assertThat(run("http://h/confluence/projects/X", "fetch 0123 refs/heads/main\n", Map.of()))
                .isEqualTo(ExitCodes.USER);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("does not know").contains("capabilities and connect");

        assertThat(run("http://h/confluence/projects/X", "connect git-upload-archive\n", Map.of()))
                .isEqualTo(ExitCodes.USER);
        assertThat(stderr()).contains("serves git-upload-pack");
    }

    @Test
    void aMalformedUrlIsReportedWhenGitConnectsAndHidesCredentials() {
        int exitCode = run("https://jane:hunter2@acme.example/wiki", "capabilities\nconnect git-upload-pack\n",
                Map.of());

        assertThat(exitCode).isEqualTo(ExitCodes.USER);
        assertThat(stdout()).isEqualTo("connect\n\n");
        assertThat(stderr()).contains("RPX-0103").contains("reposix::<base-url>/<scheme>/projects/<project>")
                .doesNotContain("hunter2");
    }

    @Test
    void aBadMinimumIntervalIsReported() {
        int exitCode = run("http://127.0.0.1:1/confluence/projects/X", "connect git-upload-pack\n",
                Map.of("REPOSIX_SYNC_MIN_INTERVAL", "soon"));

        assertThat(exitCode).isEqualTo(ExitCodes.USER);
        assertThat(stderr()).contains("REPOSIX_SYNC_MIN_INTERVAL='soon'");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void theMinimumIntervalDefaultsToThirtySeconds() {
        assertThat(FetchService.minInterval(Map.of())).isEqualTo(Duration.ofSeconds(30));
        assertThat(FetchService.minInterval(Map.of("REPOSIX_SYNC_MIN_INTERVAL", "0"))).isEqualTo(Duration.ZERO);
        assertThat(FetchService.minInterval(Map.of("REPOSIX_SYNC_MIN_INTERVAL", " 120 "))).hasSeconds(120);
    }

    @Test
    void urlsAreReadFromTheRight() {
        HelperUrl plain = HelperUrl.parse("http://127.0.0.1:4321/confluence/projects/DEMO");
        assertThat(plain.location()).isEqualTo("http://127.0.0.1:4321");
        assertThat(plain.remote()).isEqualTo(new RemoteSpec("confluence", "DEMO"));

        HelperUrl personal = HelperUrl.parse("reposix::https://acme.atlassian.net/confluence/projects/%7Ejane");
        assertThat(personal.location()).isEqualTo("https://acme.atlassian.net");
        assertThat(personal.remote().project()).isEqualTo("~jane");

        HelperUrl nested = HelperUrl.parse("https://api.atlassian.com/ex/confluence/abc/projects/x/confluence/projects/A+B");
        assertThat(nested.location()).isEqualTo("https://api.atlassian.com/ex/confluence/abc/projects/x");
        assertThat(nested.remote().project()).isEqualTo("A+B");
    }

    @Test
    void theMirrorQueryOfAnAttachedCloneIsToleratedAndOtherQueriesAreRejected() {
        HelperUrl attached = HelperUrl.parse("reposix::https://acme.atlassian.net/confluence/projects/%7Ejane?mirror=origin");
        assertThat(attached.location()).isEqualTo("https://acme.atlassian.net");
        assertThat(attached.remote()).isEqualTo(new RemoteSpec("confluence", "~jane"));
        assertThat(attached.mirror()).contains("origin");
        assertThat(HelperUrl.parse("reposix::https://acme.atlassian.net/confluence/projects/ENG").mirror()).isEmpty();

        for (String url : new String[] {"https://h/confluence/projects/ENG?mirror=", "https://h/confluence/projects/ENG?x=1",
                "https://h/confluence/projects/ENG?mirror=https://token@git.example.com/eng.git"}) {
            assertThatThrownBy(() -> HelperUrl.parse(url)).as(url).isInstanceOfSatisfying(ReposixException.class,
                    failure -> {
                        assertThat(failure.errorCode()).isEqualTo(CoreErrorCode.INVALID_REMOTE);
                        assertThat(failure.getMessage()).contains("?mirror=<remote-name>").doesNotContain("token");
                    });
        }
    }

    @Test
    void urlsWithoutAProjectAreRejected() {
        for (String url : new String[] {"https://acme.atlassian.net/wiki", "https://acme.atlassian.net/confluence/projects/",
                "/confluence/projects/X", "confluence/projects/X", "https://h/confluence/projects/a/b", "reposix::",
                "reposix::not-a-url", "", "reposix::https://acme.atlassian.net/confluence/ENG",
                "https://h/confluence/projects/..", "reposix::https://h/projects/X"}) {
            assertThatThrownBy(() -> HelperUrl.parse(url)).as(url).isInstanceOfSatisfying(ReposixException.class,
                    failure -> {
                        assertThat(failure.errorCode()).isEqualTo(CoreErrorCode.INVALID_REMOTE);
                        assertThat(failure.getMessage()).contains("reposix::<base-url>/<scheme>/projects/<project>");
                    });
        }
    }
}
