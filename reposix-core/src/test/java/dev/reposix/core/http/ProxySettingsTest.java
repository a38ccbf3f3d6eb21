package dev.reposix.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void httpsTargetsUseHttpsProxyUnlessBypassed() {
        ProxySettings proxies = ProxySettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp.example:3128",
                "no_proxy", ".internal.example, wiki.corp.example"));

        assertThat(proxies.proxyFor("https", "acme.atlassian.net")).contains(URI.create("http://proxy.corp.example:3128"));
        assertThat(proxies.proxyFor("http", "acme.atlassian.net")).isEmpty();
        assertThat(proxies.proxyFor("https", "a.internal.example")).isEmpty();
        assertThat(proxies.proxyFor("https", "wiki.corp.example")).isEmpty();
        assertThat(proxies.proxyFor("https", "127.0.0.1")).isEmpty();
    }

    @Test
    void proxyWithoutSchemeIsTakenAsHttp() {
        ProxySettings proxies = ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy:8080"));

        assertThat(proxies.httpsProxy()).isEqualTo(Optional.of(URI.create("http://proxy:8080")));
    }

    @Test
    void malformedProxyNamesTheVariableButNotItsValue() {
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://user:pw@x:1")))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(HttpErrorCode.INVALID_PROXY);
                    assertThat(error.getMessage()).contains("HTTPS_PROXY").doesNotContain("pw");
                });
    }

    @Test
    void toStringHidesProxyCredentials() {
        ProxySettings proxies = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://user:hunter2@proxy:8080"));

        assertThat(proxies.toString()).doesNotContain("hunter2").contains("proxy:8080");
    }
}
