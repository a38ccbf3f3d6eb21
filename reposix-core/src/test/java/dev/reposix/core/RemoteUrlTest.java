package dev.reposix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteUrlTest {

    private static final RemoteSpec ENG = new RemoteSpec("confluence", "ENG");

    @Test
    void writesTheProjectPercentEncodedAndTheMirrorAsAQuery() {
        assertThat(RemoteUrl.of("https://acme.atlassian.net/", new RemoteSpec("confluence", "~jane"), Optional.empty()))
                .isEqualTo("reposix::https://acme.atlassian.net/confluence/projects/%7Ejane");
        assertThat(RemoteUrl.of("https://acme.atlassian.net", ENG, Optional.of("origin")))
                .isEqualTo("reposix::https://acme.atlassian.net/confluence/projects/ENG?mirror=origin");
        assertThatThrownBy(() -> RemoteUrl.of("https://acme.atlassian.net", ENG, Optional.of("https://x@y/z.git")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMirrorQueryComesOffAndNoOtherQueryIsAccepted() {
        assertThat(RemoteUrl.withoutMirror("reposix::https://h/confluence/projects/ENG?mirror=up-stream.2"))
                .isEqualTo("reposix::https://h/confluence/projects/ENG");
        assertThat(RemoteUrl.withoutMirror("https://h/confluence/projects/ENG")).isEqualTo("https://h/confluence/projects/ENG");
        assertThatThrownBy(() -> RemoteUrl.withoutMirror("https://h/confluence/projects/ENG?mirror=-x"))
                .isInstanceOfSatisfying(ReposixException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(CoreErrorCode.INVALID_REMOTE));
    }

    @Test
    void urlsNameTheSameProjectWhateverTheirMirrorQuery() {
        String plain = RemoteUrl.of("https://acme.atlassian.net", ENG, Optional.empty());
        assertThat(RemoteUrl.sameProject(plain, plain + "?mirror=origin")).isTrue();
        assertThat(RemoteUrl.sameProject(plain, RemoteUrl.of("https://other.atlassian.net", ENG, Optional.empty())))
                .isFalse();
        assertThat(RemoteUrl.names(plain + "?mirror=origin", ENG)).isTrue();
        assertThat(RemoteUrl.names(plain, new RemoteSpec("confluence", "ENGX"))).isFalse();
        assertThat(RemoteUrl.names(plain, new RemoteSpec("jira", "ENG"))).isFalse();
    }
}
