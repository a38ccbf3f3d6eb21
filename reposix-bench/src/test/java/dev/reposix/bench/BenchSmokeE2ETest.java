package dev.reposix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end on a 50-page space: every scenario runs through the real launcher, the
 * report has its structure, and the request counts (deterministic) are the ones the design promises.
 * No timing assertions.
 */
class BenchSmokeE2ETest {

    @TempDir
    Path work;

    @Test
    void harnessMeasuresEveryScenarioOnASmallSpaceWithExactRequestCounts() throws Exception {
        BenchOptions options = new BenchOptions(List.of(50), 2_000, 7L,
                Path.of(System.getProperty("reposix.distribution")), Path.of(System.getProperty("reposix.bench.probe")),
                work, 2, 1, 1, 10);

        BenchReport report = BenchRun.run(options);

        assertThat(report.spaces()).hasSize(1);
        SpaceResult space = report.spaces().get(0);
        assertThat(space.scenarios()).extracting(ScenarioResult::name).containsExactly(Scenarios.INIT,
                Scenarios.SYNC_NO_CHANGE, Scenarios.SYNC_TEN_CHANGED, Scenarios.SYNC_MOVE_DELETE,
                Scenarios.SYNC_ATTACHMENT_REPLACED, Scenarios.CLI_START,
                Scenarios.GIT_PULL, Scenarios.GIT_PUSH, Scenarios.MIRROR_SYNC, Scenarios.HELPER_START);
        assertThat(space.scenarios()).allMatch(ScenarioResult::measured);
        assertThat(space.scenario(Scenarios.MIRROR_SYNC).requestsTo("GET /wiki/api/v2/pages"))
                .as("a no-change mirror sync fetches no body").isZero();
        ScenarioResult push = space.scenario(Scenarios.GIT_PUSH);
        assertThat(push.requestsTo("PUT /wiki/api/v2/pages/{id}")).as("one page written").isEqualTo(1);
        ScenarioResult pull = space.scenario(Scenarios.GIT_PULL);
        assertThat(pull.requestsTo("GET /wiki/api/v2/pages")).as("a no-change pull fetches no body").isZero();
        assertThat(pull.requestsTo("GET /wiki/api/v2/spaces/{id}/pages")).as("but it does sync").isEqualTo(1);
        assertThat(space.fetchFloorRequests()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /wiki/api/v2/spaces", 1L, "GET /wiki/api/v2/spaces/{id}/pages", 1L,
                "GET /wiki/api/v2/attachments", 1L, TargetCheck.DOWNLOAD, 5L));
        assertThat(space.fetchFloor().bytesReceived()).isPositive();
        assertThat(space.rendering().bodies()).isEqualTo(50);

        ScenarioResult init = space.scenario(Scenarios.INIT);
        assertThat(init.requestsTo("GET /wiki/api/v2/spaces/{id}/pages")).isEqualTo(1);
        assertThat(init.requestsTo("GET /wiki/api/v2/pages")).as("one bulk body request").isEqualTo(1);
        assertThat(init.requestsTo("POST /wiki/api/v2/users-bulk")).isEqualTo(1);
        assertThat(init.requestsMatching("/pages/{id}")).isZero();
        assertThat(init.requestsTo(TargetCheck.ATTACHMENT_LISTING)).as("one site-wide listing").isEqualTo(1);
        assertThat(init.requestsTo(TargetCheck.DOWNLOAD)).as("every attachment once").isEqualTo(5);
        assertThat(init.bytesSent()).isPositive();
        assertThat(init.peakHeapBytes()).isPresent();
        assertThat(init.peakHeapBytes().getAsLong()).isPositive();

        ScenarioResult noOp = space.scenario(Scenarios.SYNC_NO_CHANGE);
        assertThat(noOp.requests()).containsEntry("GET /wiki/api/v2/spaces", 1L)
                .containsEntry("GET /wiki/api/v2/spaces/{id}/pages", 1L).containsEntry("POST /wiki/api/v2/users-bulk", 1L)
                .containsEntry("GET /wiki/api/v2/spaces/{id}/content/labels", 1L)
                .containsEntry("GET /wiki/api/v2/attachments", 1L)
                .doesNotContainKey("GET /wiki/api/v2/pages");
        long labelPages = noOp.requestsTo("GET /wiki/api/v2/labels/{id}/pages");
        assertThat(noOp.requests()).as("no-op: listing, lookup, authors, the label listing and the site-wide attachment"
                + " listing, nothing per page").hasSize(6);
        ScenarioResult tenChanged = space.scenario(Scenarios.SYNC_TEN_CHANGED);
        assertThat(tenChanged.requestsTo("GET /wiki/api/v2/pages")).as("one bulk body request").isEqualTo(1);
        assertThat(tenChanged.requestsTo("GET /wiki/api/v2/labels/{id}/pages")).as("labels read once, not again for the fetch")
                .isEqualTo(labelPages);
        assertThat(tenChanged.requestsTo(TargetCheck.DOWNLOAD)).as("unchanged attachments are not downloaded").isZero();
        assertThat(space.scenario(Scenarios.SYNC_ATTACHMENT_REPLACED).requestsTo(TargetCheck.DOWNLOAD)).isEqualTo(1);
        assertThat(space.scenario(Scenarios.CLI_START).wallMillis()).isPositive();

        assertThat(report.verdicts()).hasSize(10).allMatch(TargetCheck.Verdict::passed);
        assertThat(report.verdicts().get(0).passed()).as("init makes no per-page request").isTrue();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ReportTable.print(report, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("| init (cold cache) |")
                .contains("| mirror sync (no change) |").contains("Floor = fetch")
                .contains("`GET /wiki/api/v2/spaces/{id}/pages`");

        Path json = work.resolve("bench.json");
        ReportJson.write(report, json);
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("spaces").get(0).path("scenarios")).hasSize(10);
        assertThat(written.path("spaces").get(0).path("floor").path("millis").asLong()).isPositive();
        assertThat(written.path("spaces").get(0).path("scenarios").get(0).path("requestsPerEndpoint")
                .path("GET /wiki/api/v2/pages").asLong()).isEqualTo(1);
        assertThat(written.path("targets")).hasSize(10);
    }
}
