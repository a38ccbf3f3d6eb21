package dev.reposix.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The request-count targets of issue 9, checked against one space's measurements. Counts are
 * deterministic, so a miss is a real regression, never noise. Stateless.
 */
final class TargetCheck {

    static final String BULK_BODIES = "GET /wiki/api/v2/pages";
    static final String PER_PAGE = "/pages/{id}";
    static final String ATTACHMENT_LISTING = "GET /wiki/api/v2/attachments";
    static final String DOWNLOAD = "GET /wiki/download/attachments/{pageId}/{fileName}";
    static final int PAGE_SIZE = 250;
    private static final int CHANGED_PAGES = 10;
    private static final int SPARE_REQUESTS = 3;
    private static final int PUSH_REQUESTS = 4;

    private TargetCheck() {
    }

    /** One target's outcome. */
    record Verdict(int pages, String scenario, String target, long actual, long limit) {
        boolean passed() {
            return actual <= limit;
        }
    }

    static List<Verdict> verdicts(SpaceResult space) {
        List<Verdict> verdicts = new ArrayList<>();
        int pages = space.pages();
        ScenarioResult init = space.scenario(Scenarios.INIT);
        verdicts.add(new Verdict(pages, init.name(), "per-page requests", init.requestsMatching(PER_PAGE), 0));

        ScenarioResult noOp = space.scenario(Scenarios.SYNC_NO_CHANGE);
        long labelListing = labelListing(noOp);
        verdicts.add(new Verdict(pages, noOp.name(), "page-body requests", noOp.requestsTo(BULK_BODIES), 0));
        verdicts.add(new Verdict(pages, noOp.name(), "per-page requests", noOp.requestsMatching(PER_PAGE), 0));
        long attachmentListing = noOp.requestsTo(ATTACHMENT_LISTING);
        verdicts.add(new Verdict(pages, noOp.name(), "requests <= ceil(N/250) + label listing (" + labelListing
                + ") + attachment listing (" + attachmentListing + ") + 3", noOp.totalRequests(),
                ceilDiv(pages, PAGE_SIZE) + labelListing + attachmentListing + SPARE_REQUESTS));
        verdicts.add(new Verdict(pages, noOp.name(), "attachment downloads", noOp.requestsTo(DOWNLOAD), 0));

        ScenarioResult changed = space.scenario(Scenarios.SYNC_TEN_CHANGED);
        verdicts.add(new Verdict(pages, changed.name(), "per-page requests", changed.requestsMatching(PER_PAGE), 0));
        verdicts.add(new Verdict(pages, changed.name(), "requests <= no-op (" + noOp.totalRequests()
                + ") + 1 bulk body request per 250 changed", changed.totalRequests(),
                noOp.totalRequests() + ceilDiv(CHANGED_PAGES, PAGE_SIZE)));

        verdicts.add(new Verdict(pages, changed.name(), "attachment downloads", changed.requestsTo(DOWNLOAD), 0));
        space.scenarios().stream().filter(scenario -> scenario.name().equals(Scenarios.SYNC_ATTACHMENT_REPLACED))
                .findFirst().ifPresent(replaced -> verdicts.add(new Verdict(pages, replaced.name(),
                        "attachment downloads <= 1", replaced.requestsTo(DOWNLOAD), 1)));

        ScenarioResult push = space.scenario(Scenarios.GIT_PUSH);
        if (push.measured()) {
            verdicts.add(new Verdict(pages, push.name(), "requests <= " + PUSH_REQUESTS + " whatever N",
                    push.totalRequests(), PUSH_REQUESTS));
        }
        return verdicts;
    }

    /** Requests that list labels space-wide: the space's labels and the pages of each label. */
    static long labelListing(ScenarioResult scenario) {
        return scenario.requestsMatching("/content/labels") + scenario.requestsMatching("/labels/{id}/pages");
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
