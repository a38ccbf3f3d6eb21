package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GitHub Actions template owners copy into their mirror: parsed, and its safety properties checked. */
class MirrorWorkflowTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "docs", "guides", "dvcs-mirror-setup-template.yml");

    private static String text;
    private static JsonNode workflow;

    @BeforeAll
    static void parse() throws Exception {
        text = Files.readString(TEMPLATE);
        workflow = new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    /** Every scalar with the dotted path of keys that leads to it (array items as {@code []}). */
    private static List<Map.Entry<String, String>> scalars(JsonNode node, String path) {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                found.addAll(scalars(field.getValue(), path + "." + field.getKey()));
            }
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(scalars(item, path + "[]")));
        } else {
            found.add(Map.entry(path, node.asText()));
        }
        return found;
    }

    private static List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
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
        JsonNode checkout = steps().stream().filter(step -> step.path("uses").asText().startsWith("actions/checkout@"))
                .findFirst().orElseThrow();
        assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
        assertThat(steps()).anyMatch(step -> step.path("uses").asText().startsWith("actions/setup-java@"));
        assertThat(steps()).anyMatch(step -> step.path("run").asText().contains("reposix mirror sync"));
        assertThat(steps()).anyMatch(step -> step.path("run").asText().contains("sha256sum --check"));
    }

    @Test
    void expressionsAndSecretsAppearOnlyInEnvAndNothingReadsTheDispatchPayload() {
        assertThat(text).doesNotContain("client_payload");
        for (Map.Entry<String, String> scalar : scalars(workflow, "")) {
            if (scalar.getValue().contains("${{")) {
                assertThat(scalar.getKey()).as("an expression outside env:").matches(".*\\.env\\.[A-Z_]+");
            }
            if (scalar.getKey().endsWith(".run")) {
                assertThat(scalar.getValue()).doesNotContain("${{").doesNotContain("ATLASSIAN_API_KEY")
                        .doesNotContain("ATLASSIAN_EMAIL");
            }
        }
        List<String> secrets = scalars(workflow, "").stream().filter(entry -> entry.getValue().contains("secrets."))
                .map(Map.Entry::getKey).toList();
        assertThat(secrets).containsExactlyInAnyOrder(".jobs.sync.steps[].env.ATLASSIAN_EMAIL",
                ".jobs.sync.steps[].env.ATLASSIAN_API_KEY");
    }

    @Test
    void theTenantIsAVariableAndTheAllowListHasTheTenantAndTheMirrorServer() {
        JsonNode env = steps().stream().filter(step -> step.path("run").asText().contains("reposix mirror sync"))
                .findFirst().orElseThrow().path("env");
        assertThat(env.path("REPOSIX_CONFLUENCE_TENANT").asText()).isEqualTo("${{ vars.REPOSIX_CONFLUENCE_TENANT }}");
        assertThat(env.path("CONFLUENCE_SPACE").asText()).isEqualTo("${{ vars.CONFLUENCE_SPACE }}");
        assertThat(env.path("REPOSIX_ALLOWED_ORIGINS").asText())
                .contains("https://${{ vars.REPOSIX_CONFLUENCE_TENANT }}.atlassian.net")
                .contains("${{ github.server_url }}");
    }
}
