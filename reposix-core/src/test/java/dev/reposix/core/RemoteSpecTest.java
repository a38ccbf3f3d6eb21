package dev.reposix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import org.junit.jupiter.api.Test;

class RemoteSpecTest {

    @Test
    void parsesSchemeAndProjectIncludingPersonalSpaces() {
        assertThat(RemoteSpec.parse("confluence::ENG")).isEqualTo(new RemoteSpec("confluence", "ENG"));
        assertThat(RemoteSpec.parse("confluence::~jane").project()).isEqualTo("~jane");
        assertThat(RemoteSpec.parse("confluence::ENG").toString()).isEqualTo("confluence::ENG");
    }

    @Test
    void rejectsAnythingElseWithAnExample() {
        for (String bad : new String[] {"ENG", "::ENG", "confluence::", "Confluence::ENG", "confluence::two words",
                "confluence:ENG", "::", "", "confluence::a/b", "confluence::a\\b", "confluence::..", "confluence::."}) {
            assertThatThrownBy(() -> RemoteSpec.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(CoreErrorCode.INVALID_REMOTE);
                        assertThat(error.getMessage()).contains("'" + bad + "' is not a remote").contains("confluence::ENG");
                    });
        }
    }
}
