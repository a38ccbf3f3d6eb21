package dev.reposix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

    private static final String LISTING = "GET /wiki/api/v2/spaces/{id}/pages";
    private static final String SPACE = "GET /wiki/api/v2/spaces";
    private static final String USERS = "POST /wiki/api/v2/users-bulk";

    @Test
    void syncWithinTheTargetsPassesEveryCheck() {
        SpaceResult space = space(Map.of(LISTING, 4L, TargetCheck.BULK_BODIES, 4L, USERS, 1L),
                Map.of(SPACE, 1L, LISTING, 4L, USERS, 1L),
                Map.of(SPACE, 1L, LISTING, 4L, USERS, 1L, TargetCheck.BULK_BODIES, 1L));

        assertThat(TargetCheck.verdicts(space)).allMatch(TargetCheck.Verdict::passed);
    }

    @Test
    void labelListingForTenChangedPagesMissesTheChangedPagesTarget() {
        SpaceResult space = space(Map.of(LISTING, 4L),
                Map.of(SPACE, 1L, LISTING, 4L, USERS, 1L),
                Map.of(SPACE, 1L, LISTING, 4L, USERS, 1L, TargetCheck.BULK_BODIES, 1L,
                        "GET /wiki/api/v2/spaces/{id}/content/labels", 1L, "GET /wiki/api/v2/labels/{id}/pages", 30L));

        assertThat(TargetCheck.verdicts(space)).filteredOn(verdict -> !verdict.passed())
                .extracting(TargetCheck.Verdict::scenario).containsExactly(Scenarios.SYNC_TEN_CHANGED);
    }

    @Test
    void aPerPageReadDuringInitOrABodyFetchDuringANoOpSyncIsAMiss() {
        SpaceResult space = space(Map.of(LISTING, 4L, "GET /wiki/api/v2/pages/{id}", 1L),
                Map.of(LISTING, 4L, TargetCheck.BULK_BODIES, 1L),
                Map.of(LISTING, 4L, TargetCheck.BULK_BODIES, 2L));

        assertThat(TargetCheck.verdicts(space)).filteredOn(verdict -> !verdict.passed())
                .extracting(TargetCheck.Verdict::target)
                .containsExactly("per-page requests", "page-body requests");
    }

    @Test
    void aPushThatListsTheSpaceMissesThePushTarget() {
        SpaceResult space = space(Map.of(LISTING, 4L), Map.of(LISTING, 4L), Map.of(LISTING, 4L, TargetCheck.BULK_BODIES, 1L),
                Map.of(LISTING, 4L, TargetCheck.BULK_BODIES, 1L, "PUT /wiki/api/v2/pages/{id}", 1L));

        assertThat(TargetCheck.verdicts(space)).filteredOn(verdict -> !verdict.passed())
                .extracting(TargetCheck.Verdict::scenario).containsExactly(Scenarios.GIT_PUSH);
    }

    private static SpaceResult space(Map<String, Long> init, Map<String, Long> noOp, Map<String, Long> tenChanged) {
        return space(init, noOp, tenChanged, Map.of(TargetCheck.BULK_BODIES, 1L, "GET /wiki/api/v2/pages/{id}", 1L,
                "PUT /wiki/api/v2/pages/{id}", 1L));
    }

    private static SpaceResult space(Map<String, Long> init, Map<String, Long> noOp, Map<String, Long> tenChanged,
            Map<String, Long> push) {
        return new SpaceResult(1_000, 5_000, 2, new FetchFloor.Fetch(100, 5, 1), Map.of(), 100,
                new RenderTimer.Rendering(10, 1_000, 1, 1), List.of(scenario(Scenarios.INIT, init),
                        scenario(Scenarios.SYNC_NO_CHANGE, noOp), scenario(Scenarios.SYNC_TEN_CHANGED, tenChanged),
                        scenario(Scenarios.GIT_PUSH, push)));
    }

    private static ScenarioResult scenario(String name, Map<String, Long> requests) {
        return new ScenarioResult(name, Optional.empty(), 1, requests, 0, OptionalLong.empty(), OptionalLong.empty(), "");
    }
}
