package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's release workflow: parsed, and what the mirror template relies on checked. */
class ReleaseWorkflowTest {

    private static Workflow release;

    @BeforeAll
    static void parse() throws Exception {
        release = Workflow.read(Workflow.RELEASE);
    }

    @Test
    void runsOnVersionTagsAndMayCreateReleases() {
        assertThat(release.root().path("on").path("push").path("tags").get(0).asText()).isEqualTo("v*");
        assertThat(release.root().path("permissions").path("contents").asText()).isEqualTo("write");
    }

    @Test
    void usesOnlyCheckoutAndSetupJavaAndPublishesTheArchiveAndItsChecksumWithTheGithubCli() {
        assertThat(release.steps()).filteredOn(step -> step.has("uses"))
                .extracting(step -> step.path("uses").asText().replaceFirst("@.*", ""))
                .containsExactly("actions/checkout", "actions/setup-java");
        assertThat(release.stepRunning(".github/scripts/package-distribution.sh \"$version\" reposix-cli/target/reposix")
                .path("run").asText()).contains("reposix --version");
        JsonNode publish = release.stepRunning("gh release create");
        assertThat(publish.path("run").asText()).contains("dist/reposix-*.tar.gz dist/reposix-*.tar.gz.sha256");
        assertThat(publish.path("env").path("GH_TOKEN").asText()).isEqualTo("${{ github.token }}");
    }

    @Test
    void expressionsAppearOnlyInEnv() {
        for (Map.Entry<String, String> scalar : release.scalars()) {
            if (scalar.getValue().contains("${{")) {
                assertThat(scalar.getKey()).matches(".*\\.env\\.[A-Z_]+");
            }
        }
    }
}
