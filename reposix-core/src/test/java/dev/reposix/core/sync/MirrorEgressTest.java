package dev.reposix.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reposix.api.ReposixException;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.HttpErrorCode;
import org.junit.jupiter.api.Test;

class MirrorEgressTest {

    private final EgressPolicy policy = EgressPolicy.parse("https://acme.atlassian.net,https://github.com");

    private ReposixException denied(String url) {
        ReposixException failure = catchThrowableOfType(() -> MirrorEgress.check(policy, url), ReposixException.class);
        assertThat(failure).as(url).isNotNull();
        assertThat(failure.errorCode()).isEqualTo(HttpErrorCode.EGRESS_DENIED);
        return failure;
    }

    @Test
    void localPathsAndFileUrlsAreExempt() {
        assertThatCode(() -> MirrorEgress.check(policy, "/srv/git/eng.git")).doesNotThrowAnyException();
        assertThatCode(() -> MirrorEgress.check(policy, "./eng.git")).doesNotThrowAnyException();
        assertThatCode(() -> MirrorEgress.check(policy, "file:///srv/git/eng.git")).doesNotThrowAnyException();
    }

    @Test
    void httpsMustMatchAnAllowedOriginAndMessagesHideUserInfo() {
        assertThatCode(() -> MirrorEgress.check(policy, "https://x-access-token:s3cr3t@github.com/acme/eng.git"))
                .doesNotThrowAnyException();
        assertThat(denied("https://user:s3cr3t@gitlab.com/acme/eng.git").getMessage())
                .contains("https://gitlab.com").doesNotContain("s3cr3t");
    }

    @Test
    void sshIsAuthorisedByAnHttpsEntryForTheSameHost() {
        assertThatCode(() -> MirrorEgress.check(policy, "git@github.com:acme/eng.git")).doesNotThrowAnyException();
        assertThatCode(() -> MirrorEgress.check(policy, "ssh://git@github.com:22/acme/eng.git"))
                .doesNotThrowAnyException();
        assertThat(denied("git@gitlab.com:acme/eng.git").getMessage()).contains("gitlab.com");
        assertThat(denied("ssh://git@gitlab.com/acme/eng.git").getMessage()).contains("gitlab.com");
    }
}
