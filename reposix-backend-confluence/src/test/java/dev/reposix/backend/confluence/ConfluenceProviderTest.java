package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.backend.confluence.internal.ConfluenceSite;
import dev.reposix.core.Reposix;
import dev.reposix.core.RemoteSpec;
import dev.reposix.simulator.seed.Seeds;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConfluenceProviderTest {

    private static ReposixException openWith(Map<String, String> environment) {
        try (Reposix reposix = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build()) {
            reposix.open(RemoteSpec.parse("confluence::ENG")).close();
            throw new AssertionError("expected the open to fail");
        } catch (ReposixException expected) {
            return expected;
        }
    }

    private static Map<String, String> credentialsAnd(String... variables) {
        Map<String, String> environment = new HashMap<>(Map.of("ATLASSIAN_EMAIL", "jane@acme.example",
                "ATLASSIAN_API_KEY", "tok-secret-1"));
        for (int index = 0; index < variables.length; index += 2) {
            environment.put(variables[index], variables[index + 1]);
        }
        return environment;
    }

    @Test
    void serviceLoaderFindsTheProviderWhichOpensAndClosesAgainstTheSimulator() {
        List<SourceOfTruthProvider> found = ServiceLoader.load(SourceOfTruthProvider.class,
                ConfluenceProvider.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).extracting(SourceOfTruthProvider::scheme).contains("confluence");

        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.demo());
             SourceOfTruth space = site.open("DEMO")) {
            assertThat(space.scheme()).isEqualTo("confluence");
            assertThat(space.homeRecord()).isPresent();
        }
    }

    @Test
    void everyMissingSettingIsReportedAtOnceIncludingTheSiteChoice() {
        ReposixException error = openWith(Map.of());

        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.MISSING_SETTINGS);
        assertThat(error.getMessage()).contains("3 settings").contains("ATLASSIAN_EMAIL").contains("ATLASSIAN_API_KEY")
                .contains("REPOSIX_CONFLUENCE_TENANT or REPOSIX_CONFLUENCE_BASE_URL");
    }

    @Test
    void tenantThatIsAUrlIsRejectedWithTheNameToUse() {
        ReposixException error = openWith(credentialsAnd("REPOSIX_CONFLUENCE_TENANT", "https://acme.atlassian.net"));

        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.INVALID_SETTING);
        assertThat(error.getMessage()).contains("not a URL").contains("export REPOSIX_CONFLUENCE_TENANT=acme");
        assertThat(openWith(credentialsAnd("REPOSIX_CONFLUENCE_TENANT", "acme.atlassian.net")).getMessage())
                .contains("REPOSIX_CONFLUENCE_TENANT=acme");
        assertThat(openWith(credentialsAnd("REPOSIX_CONFLUENCE_TENANT", "Acme Corp")).getMessage())
                .contains("lower-case letters");
    }

    @Test
    void tenantAndBaseUrlThatDisagreeAreAnError() {
        ReposixException error = openWith(credentialsAnd("REPOSIX_CONFLUENCE_TENANT", "acme",
                "REPOSIX_CONFLUENCE_BASE_URL", "https://globex.atlassian.net"));

        assertThat(error.getMessage()).contains("disagree");
    }

    @Test
    void baseUrlKeepsItsPathPrefixAndDropsAPastedWikiSuffix() {
        ConfluenceSite scoped = site("REPOSIX_CONFLUENCE_BASE_URL", "https://api.atlassian.com/ex/confluence/abc-123/");
        ConfluenceSite pasted = site("REPOSIX_CONFLUENCE_BASE_URL", "https://acme.atlassian.net/wiki/api/v2");

        assertThat(scoped.resolve("/wiki/api/v2/pages?limit=250"))
                .isEqualTo(URI.create("https://api.atlassian.com/ex/confluence/abc-123/wiki/api/v2/pages?limit=250"));
        assertThat(scoped.resolve("/ex/confluence/abc-123/wiki/api/v2/pages?cursor=x"))
                .isEqualTo(URI.create("https://api.atlassian.com/ex/confluence/abc-123/wiki/api/v2/pages?cursor=x"));
        assertThat(pasted.baseUrl()).isEqualTo(URI.create("https://acme.atlassian.net"));
        assertThat(site("REPOSIX_CONFLUENCE_TENANT", "acme").baseUrl()).isEqualTo(URI.create("https://acme.atlassian.net"));
        assertThat(scoped.toString()).doesNotContain("tok-secret-1");
    }

    @Test
    void baseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        ReposixException error = openWith(credentialsAnd("REPOSIX_CONFLUENCE_BASE_URL", "https://jane:pw99@acme.atlassian.net"));

        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.INVALID_SETTING);
        assertThat(error.getMessage()).contains("must not contain credentials").doesNotContain("pw99");
        for (String url : new String[] {"jane:pw99@acme.atlassian.net", "jane:pw99@acme atlassian", "ftp://jane:pw99@h"}) {
            ReposixException refused = openWith(credentialsAnd("REPOSIX_CONFLUENCE_BASE_URL", url));
            assertThat(refused.errorCode()).as(url).isEqualTo(StandardErrorCode.INVALID_SETTING);
            assertThat(refused.getMessage()).as(url).contains("REPOSIX_CONFLUENCE_BASE_URL").contains("http(s) URL")
                    .doesNotContain("pw99");
        }
        assertThat(openWith(credentialsAnd("REPOSIX_CONFLUENCE_BASE_URL", "acme.atlassian.net")).getMessage())
                .contains("add the scheme: https://acme.atlassian.net");
    }

    @Test
    void concurrencyOutsideItsRangeIsRejected() {
        ReposixException error = openWith(credentialsAnd("REPOSIX_CONFLUENCE_TENANT", "acme",
                "REPOSIX_CONFLUENCE_CONCURRENCY", "99", "REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net"));

        assertThat(error.getMessage()).contains("REPOSIX_CONFLUENCE_CONCURRENCY").contains("1 to 16");
    }

    @Test
    void spacesListsWhatTheAccountCanRead() {
        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.demo())) {
            List<String> keys = site.reposix.withBackend("confluence", (provider, settings, context) ->
                    ((ConfluenceProvider) provider).spaces(settings, context)).stream().map(space -> space.key()).toList();

            assertThat(keys).containsExactly("DEMO");
        }
    }

    private static ConfluenceSite site(String... variables) {
        Map<String, String> values = new HashMap<>(Map.of("email", "jane@acme.example", "token", "tok-secret-1"));
        for (int index = 0; index < variables.length; index += 2) {
            values.put(variables[index].equals("REPOSIX_CONFLUENCE_TENANT") ? "tenant" : "base-url", variables[index + 1]);
        }
        return ConfluenceSite.from(dev.reposix.api.Settings.of(new ConfluenceProvider().settings(), values));
    }
}
