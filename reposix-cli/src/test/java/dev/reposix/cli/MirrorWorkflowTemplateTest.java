package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GitHub Actions template owners copy into their mirror: parsed, and its safety properties checked. */
class MirrorWorkflowTemplateTest {

    private static Workflow template;
    private static JsonNode workflow;
    private static String text;

    @BeforeAll
    static void parse() throws Exception {
        template = Workflow.read(Workflow.MIRROR_TEMPLATE);
        workflow = template.root();
        text = template.text();
    }

    @Test
    void triggersAreDispatchALiteralHalfHourlyScheduleAndManual() {
        JsonNode on = workflow.path("on");
        assertThat(on.path("repository_dispatch").path("types").get(0).asText()).isEqualTo("reposix-mirror-sync");
        assertThat(on.path("schedule").get(0).path("cron").asText()).isEqualTo("*/30 * * * *");
        assertThat(on.has("workflow_dispatch")).isTrue();
        assertThat(text).contains("cron: '*/30 * * * *'");
    }

    @Test
    void runsAreSerialisedWithoutCancellingAndMayWriteContents() {
        assertThat(workflow.path("concurrency").path("group").asText()).isNotBlank();
        assertThat(workflow.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("write");
    }

    @Test
    void checksOutFullHistorySetsUpJavaAndRunsMirrorSync() {
        JsonNode checkout = template.steps().stream()
                .filter(step -> step.path("uses").asText().startsWith("actions/checkout@"))
                .findFirst().orElseThrow();
        assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
        assertThat(template.steps()).anyMatch(step -> step.path("uses").asText().startsWith("actions/setup-java@"));
        assertThat(template.steps()).anyMatch(step -> step.path("run").asText().contains("reposix mirror sync"));
        assertThat(template.steps()).anyMatch(step -> step.path("run").asText().contains("sha256sum --check"));
    }

    @Test
    void expressionsAndSecretsAppearOnlyInEnvAndNothingReadsTheDispatchPayload() {
        assertThat(text).doesNotContain("client_payload");
        for (Map.Entry<String, String> scalar : template.scalars()) {
            if (scalar.getValue().contains("${{")) {
                assertThat(scalar.getKey()).as("an expression outside env:").matches(".*\\.env\\.[A-Z_]+");
            }
            if (scalar.getKey().endsWith(".run")) {
                assertThat(scalar.getValue()).doesNotContain("${{").doesNotContain("ATLASSIAN_API_KEY")
                        .doesNotContain("ATLASSIAN_EMAIL");
            }
        }
        List<String> secrets = template.scalars().stream().filter(entry -> entry.getValue().contains("secrets."))
                .map(Map.Entry::getKey).toList();
        assertThat(secrets).containsExactlyInAnyOrder(".jobs.sync.steps[].env.ATLASSIAN_EMAIL",
                ".jobs.sync.steps[].env.ATLASSIAN_API_KEY");
    }

    @Test
    void theTenantIsAVariableAndTheAllowListHasTheTenantTheMediaServiceAndTheMirrorServer() {
        JsonNode env = template.stepRunning("reposix mirror sync").path("env");
        assertThat(env.path("REPOSIX_CONFLUENCE_TENANT").asText()).isEqualTo("${{ vars.REPOSIX_CONFLUENCE_TENANT }}");
        assertThat(env.path("CONFLUENCE_SPACE").asText()).isEqualTo("${{ vars.CONFLUENCE_SPACE }}");
        assertThat(env.path("REPOSIX_ALLOWED_ORIGINS").asText())
                .contains("https://${{ vars.REPOSIX_CONFLUENCE_TENANT }}.atlassian.net")
                .as("Cloud redirects attachment downloads to its media service")
                .contains("https://api.media.atlassian.com")
                .contains("${{ github.server_url }}");
    }

    @Test
    void installsThePinnedReleaseOnlyAfterItsChecksumMatches() {
        JsonNode env = workflow.path("env");
        assertThat(env.path("REPOSIX_VERSION").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(env.has("REPOSIX_SHA256")).isTrue();
        String install = template.stepRunning("tar -x").path("run").asText();
        assertThat(install).contains("reposix-${REPOSIX_VERSION}.tar.gz").contains("$archive.sha256");
        assertThat(install.indexOf("sha256sum --check --strict")).isPositive()
                .isLessThan(install.indexOf("tar -x"));
    }
}
