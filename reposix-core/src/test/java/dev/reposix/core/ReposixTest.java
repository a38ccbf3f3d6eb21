package dev.reposix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ErrorCode;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.http.HttpErrorCode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReposixTest {

    private static final Map<String, String> COMPLETE = Map.of(
            "ALPHA_USER", "jane@example.com", "ALPHA_TOKEN", "s3cr3t-token-value", "ALPHA_SITE", "acme");

    @Test
    void allMissingRequiredSettingsAreReportedInOneErrorWithTheirVariables() {
        try (Reposix reposix = Reposix.builder().provider(new TestProviders.Alpha())
                .environment(Map.of("ALPHA_USER", "jane@example.com")).build()) {

            assertThatThrownBy(() -> reposix.open(RemoteSpec.parse("alpha::ENG")))
                    .isInstanceOfSatisfying(ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.MISSING_SETTINGS);
                        assertThat(error.getMessage())
                                .contains("2 settings")
                                .contains("ALPHA_TOKEN").contains("create one at https://alpha.example/tokens")
                                .contains("ALPHA_SITE").contains("your site name")
                                .doesNotContain("ALPHA_USER").doesNotContain("ALPHA_PAGE_SIZE");
                    });
        }
    }

    @Test
    void explicitSettingsOverrideTheEnvironment() {
        try (Reposix reposix = Reposix.builder().provider(new TestProviders.Alpha()).environment(COMPLETE)
                .setting("alpha", "site", "globex").build();
             SourceOfTruth project = reposix.open(RemoteSpec.parse("alpha::ENG"))) {

            assertThat(project.manifest()).isEmpty();
            assertThat(TestProviders.Alpha.lastSettings.require("site")).isEqualTo("globex");
            assertThat(TestProviders.Alpha.lastSettings.require("user")).isEqualTo("jane@example.com");
        }
    }

    @Test
    void secretSettingsNeverAppearInToString() {
        try (Reposix reposix = Reposix.builder().provider(new TestProviders.Alpha()).environment(COMPLETE).build();
             SourceOfTruth ignored = reposix.open(RemoteSpec.parse("alpha::ENG"))) {

            assertThat(TestProviders.Alpha.lastSettings.toString())
                    .contains("user=jane@example.com")
                    .contains("token=****")
                    .doesNotContain("s3cr3t-token-value");
        }
    }

    @Test
    void aBackendThatLeaksASecretInItsExceptionIsRedacted() {
        try (Reposix reposix = Reposix.builder().provider(new TestProviders.Alpha()).environment(COMPLETE).build()) {

            assertThatThrownBy(() -> reposix.open(RemoteSpec.parse("alpha::LEAKY")))
                    .isInstanceOfSatisfying(ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.BACKEND_FAILURE);
                        assertThat(error.getMessage()).doesNotContain("s3cr3t-token-value").contains("****");
                    });
            assertThat(reposix.redactor().redact("token s3cr3t-token-value")).isEqualTo("token ****");
        }
    }

    @Test
    void unknownSchemeIsAUserError() {
        try (Reposix reposix = Reposix.builder().provider(new TestProviders.Alpha()).build()) {
            assertThatThrownBy(() -> reposix.open(RemoteSpec.parse("jira::ENG")))
                    .isInstanceOfSatisfying(ReposixException.class, error ->
                            assertThat(error.errorCode()).isEqualTo(CoreErrorCode.UNKNOWN_SCHEME));
        }
    }

    @Test
    void duplicateSchemeFailsTheBuildWithReposixsOwnError() {
        assertThatThrownBy(() -> Reposix.builder()
                .provider(new TestProviders.Alpha()).provider(new TestProviders.AlphaImpostor()).build())
                .isInstanceOfSatisfying(ReposixException.class, error ->
                        assertThat(error.errorCode()).isEqualTo(CoreErrorCode.DUPLICATE_SCHEME));
    }

    @Test
    void aMalformedProxyFailsTheBuildWithReposixsOwnErrorAndKeepsThePasswordOut() {
        assertThatThrownBy(() -> Reposix.builder().provider(new TestProviders.Alpha())
                .environment(Map.of("HTTPS_PROXY", "http://corp:pr0xy-pa55@")).build())
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(HttpErrorCode.INVALID_PROXY);
                    assertThat(error.getMessage()).contains("HTTPS_PROXY").doesNotContain("pr0xy-pa55");
                });
    }

    @Test
    void egressPolicyComesFromTheGivenEnvironmentNotTheProcess() {
        try (Reposix reposix = Reposix.builder()
                .environment(Map.of("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net")).build()) {
            assertThat(reposix.egressPolicy().configuredValue()).isEqualTo("https://acme.atlassian.net");
        }
        try (Reposix reposix = Reposix.builder().build()) {
            assertThat(reposix.egressPolicy().configuredValue()).isEqualTo("http://127.0.0.1:*,http://localhost:*");
        }
    }

    @Test
    void everyErrorCodeHasAUniqueNumberInItsRangeAndAFullExplanation() {
        try (Reposix reposix = Reposix.builder().build()) {
            Set<Integer> numbers = new HashSet<>();
            for (ErrorCode code : reposix.errorCatalog().all()) {
                assertThat(numbers.add(code.number())).as("unique %s", code.code()).isTrue();
                assertThat(code.info().cause()).as("cause of %s", code.code()).isNotBlank();
                assertThat(code.info().remedy()).as("remedy of %s", code.code()).isNotBlank();
            }
            assertThat(reposix.errorCatalog().find("RPX-1001")).map(ErrorCode::name).contains("EGRESS_DENIED");
            assertThat(reposix.errorCatalog().find("1001")).map(ErrorCode::name).contains("EGRESS_DENIED");
            assertThat(reposix.errorCatalog().find("egress_denied")).map(ErrorCode::code).contains("RPX-1001");
            assertThat(reposix.errorCatalog().find("RPX-7777")).isEmpty();
        }
    }
}
