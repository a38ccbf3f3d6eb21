package dev.reposix.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {

    @Test
    void unsetVariableAllowsLoopbackOnAnyPortAndNothingElse() {
        EgressPolicy policy = EgressPolicy.fromEnvironment(Map.of());

        assertThat(policy.allows(URI.create("http://127.0.0.1:8080/wiki"))).isTrue();
        assertThat(policy.allows(URI.create("http://localhost:1/"))).isTrue();
        assertThat(policy.allows(URI.create("https://127.0.0.1:8443/"))).isFalse();
        assertThat(policy.allows(URI.create("https://acme.atlassian.net/wiki"))).isFalse();
    }

    @Test
    void exactOriginMatchesOnlyThatSchemeHostAndPort() {
        EgressPolicy policy = EgressPolicy.parse("https://acme.atlassian.net:8443");

        assertThat(policy.allows(URI.create("https://acme.atlassian.net:8443/wiki/api/v2/pages"))).isTrue();
        assertThat(policy.allows(URI.create("https://ACME.atlassian.net:8443/x"))).isTrue();
        assertThat(policy.allows(URI.create("https://acme.atlassian.net/wiki"))).isFalse();
        assertThat(policy.allows(URI.create("http://acme.atlassian.net:8443/wiki"))).isFalse();
        assertThat(policy.allows(URI.create("https://evil.atlassian.net:8443/wiki"))).isFalse();
        assertThat(policy.allows(URI.create("https://acme.atlassian.net.evil.example:8443/"))).isFalse();
    }

    @Test
    void originWithoutPortMeansTheSchemesDefaultPort() {
        EgressPolicy policy = EgressPolicy.parse("https://acme.atlassian.net, http://intranet.example");

        assertThat(policy.allows(URI.create("https://acme.atlassian.net/wiki"))).isTrue();
        assertThat(policy.allows(URI.create("https://acme.atlassian.net:443/wiki"))).isTrue();
        assertThat(policy.allows(URI.create("https://acme.atlassian.net:444/wiki"))).isFalse();
        assertThat(policy.allows(URI.create("http://intranet.example:80/"))).isTrue();
        assertThat(policy.allows(URI.create("http://intranet.example:8080/"))).isFalse();
    }

    @Test
    void portGlobAllowsEveryPortOfThatSchemeAndHost() {
        EgressPolicy policy = EgressPolicy.parse("http://127.0.0.1:*,http://[::1]:*");

        assertThat(policy.allows(URI.create("http://127.0.0.1:65535/"))).isTrue();
        assertThat(policy.allows(URI.create("http://127.0.0.1/"))).isTrue();
        assertThat(policy.allows(URI.create("http://[::1]:9000/"))).isTrue();
        assertThat(policy.allows(URI.create("https://127.0.0.1:9000/"))).isFalse();
        assertThat(policy.allows(URI.create("http://127.0.0.2:9000/"))).isFalse();
    }

    @Test
    void malformedEntryDeniesEverythingAndTheErrorQuotesIt() {
        EgressPolicy policy = EgressPolicy.parse("https://acme.atlassian.net,acme.atlassian.net");

        assertThat(policy.allows(URI.create("https://acme.atlassian.net/"))).isFalse();
        assertThatThrownBy(() -> policy.check(URI.create("https://acme.atlassian.net/")))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(HttpErrorCode.EGRESS_POLICY_INVALID);
                    assertThat(error.getMessage()).contains("'acme.atlassian.net'").contains("REPOSIX_ALLOWED_ORIGINS");
                });
    }

    @Test
    void otherSchemesPathsAndBadPortsAreMalformed() {
        assertThat(EgressPolicy.parse("ftp://files.example").configurationError()).isPresent();
        assertThat(EgressPolicy.parse("https://acme.atlassian.net/wiki").configurationError()).isPresent();
        assertThat(EgressPolicy.parse("https://acme.atlassian.net:99999").configurationError()).isPresent();
        assertThat(EgressPolicy.parse("https://user:pw@acme.atlassian.net").configurationError()).isPresent();
        assertThat(EgressPolicy.parse("https://acme.atlassian.net/").configurationError()).isEmpty();
    }

    @Test
    void emptyValueDeniesEverythingAndSaysSo() {
        EgressPolicy policy = EgressPolicy.fromEnvironment(Map.of(EgressPolicy.VARIABLE, " "));

        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:1/")))
                .isInstanceOfSatisfying(ReposixException.class, error ->
                        assertThat(error.getMessage()).contains("set but empty"));
    }

    @Test
    void deniedOriginErrorShowsTheExportLineThatWouldAllowIt() {
        EgressPolicy policy = EgressPolicy.parse("http://127.0.0.1:*");

        assertThatThrownBy(() -> policy.check(URI.create("https://acme.atlassian.net/wiki/api/v2/spaces")))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(HttpErrorCode.EGRESS_DENIED);
                    assertThat(error.getMessage())
                            .contains("https://acme.atlassian.net")
                            .contains("export REPOSIX_ALLOWED_ORIGINS=\"http://127.0.0.1:*,https://acme.atlassian.net\"");
                });
    }

    @Test
    void deniedMessageNeverShowsUserInfo() {
        EgressPolicy policy = EgressPolicy.parse("http://127.0.0.1:*");

        assertThatThrownBy(() -> policy.check(URI.create("file://user:hunter2@host/etc/passwd")))
                .isInstanceOf(ReposixException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void everyMalformedValueDeniesEverythingQuotingTheEntryButNeverItsPassword() {
        for (String value : new String[] {"acme.atlassian.net", "https://", "ftp://x", "https://host/path", "*",
                "https://acme.atlassian.net,", "https://acme.atlassian.net, ,http://127.0.0.1:*",
                "https://jane:pw-7@acme.atlassian.net", "http://127.0.0.1:*,,https://jane:pw-7@acme.atlassian.net"}) {
            EgressPolicy policy = EgressPolicy.parse(value);

            assertThat(policy.allows(URI.create("https://acme.atlassian.net/"))).as(value).isFalse();
            assertThat(policy.allows(URI.create("http://127.0.0.1:8080/"))).as(value).isFalse();
            assertThatThrownBy(() -> policy.check(URI.create("https://acme.atlassian.net/"))).as(value)
                    .isInstanceOfSatisfying(ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(HttpErrorCode.EGRESS_POLICY_INVALID);
                        assertThat(error.getMessage()).contains("REPOSIX_ALLOWED_ORIGINS has a")
                                .contains("Nothing was sent").contains("export REPOSIX_ALLOWED_ORIGINS=")
                                .doesNotContain("pw-7");
                    });
            assertThat(policy.toString()).doesNotContain("pw-7");
        }
    }
}
