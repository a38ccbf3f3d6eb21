package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.SourceOfTruthProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReposixCliTest {

    @TempDir
    Path pluginDirectory;

    private final CliRunner cli = new CliRunner();

    private int run(Map<String, String> environment, ClassLoader plugins, String... args) {
        return cli.run(environment, plugins, args);
    }

    private int run(String... args) {
        return run(Map.of(), getClass().getClassLoader(), args);
    }

    private ClassLoader plugins(Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(pluginDirectory.resolve("META-INF/services"));
        StringBuilder lines = new StringBuilder();
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(SourceOfTruthProvider.class.getName()), lines.toString());
        return new URLClassLoader(new URL[] {pluginDirectory.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(cli.stdout()).contains("backends").contains("explain")
                .contains("3  conflict").contains("4  external error").contains("REPOSIX_ALLOWED_ORIGINS");
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(cli.stdout()).contains("Usage: reposix");
    }

    @Test
    void versionNamesReposixAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(cli.stdout()).startsWith("reposix ").contains("Java 17");
    }

    @Test
    void attachExplainsItselfAndRefusesBadOptionsBeforeTouchingAnything() {
        assertThat(run("attach", "--help")).isZero();
        assertThat(cli.stdout()).contains("--orphan-policy").contains("fork-as-new").contains("--no-bus")
                .contains("remote.pushDefault").contains("refs/mirrors/*");

        assertThat(run("attach", "confluence::ENG", "--orphan-policy", "keep")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("use abort, delete-local or fork-as-new");

        assertThat(run("attach", "confluence::ENG", "--remote-name", "https://token@example.com/x.git"))
                .isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("not a plain git remote name");

        assertThat(run("attach", "confluence::ENG", "--remote-name", "origin")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("--remote-name and --mirror-name are both 'origin'");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("frobnicate");
    }

    @Test
    void backendsListsSchemesCapabilitiesAndWhetherSettingsAreSetButNeverTheirValues() throws IOException {
        int exitCode = run(Map.of("WIKI_TOKEN", "tok-123456789"), plugins(CliTestProviders.Wiki.class), "backends");

        assertThat(exitCode).isZero();
        assertThat(cli.stdout()).contains("wiki  Test wiki spaces").contains("create, update")
                .containsPattern("WIKI_EMAIL\\s+required\\s+not set")
                .containsPattern("WIKI_TOKEN\\s+required, secret\\s+set")
                .doesNotContain("tok-123456789");
    }

    @Test
    void backendsAsJsonIsMachineReadable() throws IOException {
        assertThat(run(Map.of(), plugins(CliTestProviders.Wiki.class), "backends", "--format", "json")).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.stdout());
        JsonNode wiki = null;
        for (JsonNode backend : json.get("backends")) {
            if (backend.get("scheme").asText().equals("wiki")) {
                wiki = backend;
            }
        }
        assertThat(wiki).as("the wiki backend in " + cli.stdout()).isNotNull();
        assertThat(wiki.at("/settings/1/secret").asBoolean()).isTrue();
        assertThat(json.at("/problems").isArray()).isTrue();
    }

    @Test
    void theConfluenceBackendIsBuiltIn() {
        assertThat(run("backends")).isZero();
        assertThat(cli.stdout()).contains("confluence  Confluence Cloud spaces (REST v2)").contains("ATLASSIAN_API_KEY");
    }

    @Test
    void aBrokenPluginIsReportedWhileTheOthersAreListed() throws IOException {
        Path services = Files.createDirectories(pluginDirectory.resolve("META-INF/services"));
        Files.writeString(services.resolve(SourceOfTruthProvider.class.getName()),
                "com.example.Missing\n" + CliTestProviders.Wiki.class.getName() + "\n");
        ClassLoader loader = new URLClassLoader(new URL[] {pluginDirectory.toUri().toURL()}, getClass().getClassLoader());

        assertThat(run(Map.of(), loader, "backends")).isZero();
        assertThat(cli.stdout()).contains("wiki  Test wiki spaces").contains("Failed to load").contains("com.example.Missing");
    }

    @Test
    void twoBackendsForOneSchemeIsAUserErrorNamingBoth() throws IOException {
        int exitCode = run(Map.of(), plugins(CliTestProviders.Wiki.class, CliTestProviders.OtherWiki.class), "backends");

        assertThat(exitCode).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-0102").contains("CliTestProviders$Wiki").contains("CliTestProviders$OtherWiki")
                .contains("reposix explain RPX-0102");
    }

    @Test
    void unexpectedFailureIsAnInternalErrorWithSecretsMasked() throws IOException {
        System.setProperty("leaky.token", "tok-987654321");
        try {
            int exitCode = run(Map.of("WIKI_TOKEN", "tok-987654321"), plugins(CliTestProviders.Leaky.class), "backends");

            assertThat(exitCode).isEqualTo(ExitCodes.INTERNAL);
            assertThat(cli.stderr()).contains("RPX-0199").contains("token ****").doesNotContain("tok-987654321");
        } finally {
            System.clearProperty("leaky.token");
        }
    }

    @Test
    void explainPrintsCauseFixAndExample() {
        assertThat(run("explain", "RPX-1001")).isZero();
        assertThat(cli.stdout()).startsWith("RPX-1001 EGRESS_DENIED (external error, exit code 4)")
                .contains("Cause:").contains("Fix:").contains("Example: export REPOSIX_ALLOWED_ORIGINS=");
    }

    @Test
    void explainAcceptsBareNumbersAndNames() {
        assertThat(run("explain", "egress_denied")).isZero();
        assertThat(cli.stdout()).startsWith("RPX-1001");
    }

    @Test
    void explainListShowsEveryCode() {
        assertThat(run("explain", "--list")).isZero();
        assertThat(cli.stdout()).contains("RPX-0001").contains("UNSUPPORTED_OPERATION").contains("RPX-1001");
    }

    @Test
    void explainAsJson() throws IOException {
        assertThat(run("explain", "RPX-0003", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.stdout());
        assertThat(json.get("name").asText()).isEqualTo("MISSING_SETTINGS");
        assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    }

    @Test
    void explainOfAnUnknownCodeIsAUserError() {
        assertThat(run("explain", "RPX-7777")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("unknown error code").contains("--list");
    }

    @Test
    void explainNeedsACodeOrList() {
        assertThat(run("explain")).isEqualTo(ExitCodes.USER);
    }
}
