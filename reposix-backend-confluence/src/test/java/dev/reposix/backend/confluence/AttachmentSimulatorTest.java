package dev.reposix.backend.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.Attachment;
import dev.reposix.api.AuditEvent;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.simulator.Fault;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.RequestCounters;
import dev.reposix.simulator.RequestLatch;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attachments over real HTTP against the simulator: what each operation returns and what it costs. */
class AttachmentSimulatorTest {

    private static final String SITE_LIST = "GET /wiki/api/v2/attachments";
    private static final String PAGE_LIST = "GET /wiki/api/v2/pages/{id}/attachments";
    private static final String DOWNLOAD_PATH = "/wiki/download/attachments/{pageId}/{fileName}";
    private static final String DOWNLOAD = "GET " + DOWNLOAD_PATH;
    private static final String UPLOAD = "PUT /wiki/rest/api/content/{id}/child/attachment";
    private static final String DELETE = "DELETE /wiki/api/v2/attachments/{id}";
    private static final RecordId EMBED_IMAGES = RecordId.of("1000020");

    /** A sync asks for every page: one site-wide listing per 250 attachments, never a request per page. */
    @ParameterizedTest
    @CsvSource({"1, 300, 2", "3, 100, 1"})
    void listingTheAttachmentsOfThreeHundredPagesCostsOneRequestPer250Attachments(int attachmentEvery,
            int attachments, int requests) {
        Seed seed = Seeds.generated("ATT", 300, 200, 3L, attachmentEvery);
        List<RecordId> pages = seed.spaces().get(0).pages().stream().map(page -> RecordId.of(page.id())).toList();
        try (SimulatedSpace site = SimulatedSpace.serving(seed); SourceOfTruth space = site.open("ATT")) {
            RequestCounters counters = site.simulator.counters();
            counters.reset();

            Map<RecordId, List<Attachment>> listed = space.attachments(pages);

            assertThat(listed.values().stream().mapToInt(List::size).sum()).isEqualTo(attachments);
            assertThat(requests).isEqualTo((attachments + 249) / 250);
            assertThat(counters.count(SITE_LIST)).isEqualTo(requests);
            assertThat(counters.total()).isEqualTo(requests);
        }
    }

    /** A push asks for the few pages it touches: one request each, whatever the size of the site. */
    @Test
    void listingTheAttachmentsOfAFewPagesAsksEachPage() {
        Seed seed = Seeds.generated("ATT", 300, 200, 3L, 1);
        List<RecordId> few = seed.spaces().get(0).pages().stream().limit(3).map(page -> RecordId.of(page.id()))
                .toList();
        try (SimulatedSpace site = SimulatedSpace.serving(seed); SourceOfTruth space = site.open("ATT")) {
            site.simulator.counters().reset();

            Map<RecordId, List<Attachment>> listed = space.attachments(few);

            assertThat(listed).containsOnlyKeys(few);
            assertThat(site.simulator.counters().count(PAGE_LIST)).isEqualTo(3);
            assertThat(site.simulator.counters().total()).isEqualTo(3);
        }
    }

    @Test
    void demoAttachmentsAreListedWithConfiguredLinksAndReadBackAsSeeded() {
        Seed demo = Seeds.demo();
        Map<String, SeedAttachment> seeded = attachmentsByTitle(demo);
        try (SimulatedSpace site = SimulatedSpace.serving(demo); SourceOfTruth space = site.open("DEMO")) {
            List<Attachment> listed = listAll(space, demo);

            assertThat(listed).extracting(Attachment::fileName).containsExactlyInAnyOrderElementsOf(seeded.keySet());
            site.simulator.counters().reset();
            for (Attachment attachment : listed) {
                SeedAttachment expected = seeded.get(attachment.fileName());
                assertThat(attachment.id()).isEqualTo("att" + expected.id());
                assertThat(attachment.record().value()).isEqualTo(expected.pageId());
                assertThat(attachment.mediaType()).isEqualTo(expected.mediaType());
                assertThat(attachment.size()).isEqualTo(expected.data().length);
                assertThat(attachment.link().toString()).isEqualTo(site.simulator.baseUrl() + "/wiki/download/attachments/"
                        + expected.pageId() + "/" + attachment.fileName());
                assertThat(space.readAttachment(attachment, 1 << 20)).isEqualTo(expected.data());
            }
            assertThat(site.simulator.counters().count(DOWNLOAD)).isEqualTo(listed.size());
            assertThat(site.simulator.counters().total()).isEqualTo(listed.size());
        }
    }

    /**
     * A sync's downloads run as many at once as the configured concurrency (2 here), no more, and
     * reach the caller in the order asked, with a file deleted meanwhile handed over as empty.
     */
    @Test
    void downloadsRunTwoAtOnceAndArriveInOrder() throws Exception {
        Seed demo = Seeds.demo();
        Map<String, SeedAttachment> seeded = attachmentsByTitle(demo);
        try (SimulatedSpace site = SimulatedSpace.serving(demo); SourceOfTruth space = site.open("DEMO")) {
            List<Attachment> listed = listAll(space, demo);
            assertThat(listed).hasSizeGreaterThan(2);
            Attachment deleted = listed.get(1);
            site.simulator.trashAttachment(deleted.id());
            RequestLatch held = new RequestLatch();
            site.simulator.faults().add(FaultRule.on("GET", DOWNLOAD_PATH, Fault.hold(held)).always());
            List<Attachment> handedOver = new ArrayList<>();
            List<Optional<byte[]>> files = new ArrayList<>();

            CompletableFuture<Void> downloads = CompletableFuture.runAsync(() -> space.readAttachments(listed, 1 << 20,
                    (attachment, file) -> {
                        handedOver.add(attachment);
                        files.add(file);
                    }));

            try {
                assertThat(held.awaitArrivals(2, Duration.ofSeconds(10))).as("two downloads at once").isTrue();
                assertThat(held.awaitArrivals(3, Duration.ofMillis(300))).as("a third before one is handed over")
                        .isFalse();
            } finally {
                held.release();
            }
            downloads.get(30, TimeUnit.SECONDS);
            assertThat(handedOver).containsExactlyElementsOf(listed);
            for (int index = 0; index < listed.size(); index++) {
                if (listed.get(index) == deleted) {
                    assertThat(files.get(index)).as("the deleted file").isEmpty();
                } else {
                    assertThat(files.get(index)).hasValue(seeded.get(listed.get(index).fileName()).data());
                }
            }
        }
    }

    @Test
    void changesMadeInConfluenceAreSeenOnTheNextListingAndRead() {
        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.demo()); SourceOfTruth space = site.open("DEMO")) {
            Attachment diagram = only(space, "diagram.png");
            byte[] replaced = "new diagram".getBytes(StandardCharsets.UTF_8);

            site.simulator.putAttachment(EMBED_IMAGES.value(), "diagram.png", "image/png", replaced);

            Attachment changed = only(space, "diagram.png");
            assertThat(changed.id()).isEqualTo(diagram.id());
            assertThat(changed.version()).isEqualTo(diagram.version() + 1);
            assertThat(space.readAttachment(changed, 1024)).isEqualTo(replaced);

            site.simulator.trashAttachment(diagram.id());

            assertThat(space.attachments(List.of(EMBED_IMAGES)).get(EMBED_IMAGES))
                    .extracting(Attachment::fileName).containsExactly("screenshot.png");
            assertThatThrownBy(() -> space.readAttachment(changed, 1024)).isInstanceOfSatisfying(
                    ReposixException.class, error -> assertThat(error.errorCode())
                            .isEqualTo(StandardErrorCode.RECORD_NOT_FOUND));
        }
    }

    @Test
    void uploadAndDeleteCostOneRequestEachAreAuditedAndLeaveThePageVersionAlone() {
        try (SimulatedSpace site = SimulatedSpace.serving(Seeds.demo());
                SimulatedSpace.Audited audited = site.openAudited("DEMO")) {
            long pageVersion = site.get("/wiki/api/v2/pages/" + EMBED_IMAGES).path("version").path("number").asLong();
            byte[] content = "name with ; and \" quote".getBytes(StandardCharsets.UTF_8);
            site.simulator.counters().reset();

            Attachment written = audited.space().writeAttachment(EMBED_IMAGES, "notes; 2026 \u00e9t\u00e9 #1.txt",
                    "text/plain", content, "from reposix");

            assertThat(site.simulator.counters().snapshot()).isEqualTo(Map.of(UPLOAD, 1L));
            assertThat(written.fileName()).isEqualTo("notes; 2026 \u00e9t\u00e9 #1.txt");
            assertThat(written.version()).isEqualTo(1);
            assertThat(written.size()).isEqualTo(content.length);
            assertThat(audited.space().readAttachment(written, content.length)).isEqualTo(content);
            assertThat(site.get("/wiki/api/v2/attachments/" + written.id()).path("comment").asText())
                    .isEqualTo("from reposix");
            site.simulator.counters().reset();

            assertThat(audited.space().deleteAttachment(written)).isEqualTo(DeleteOutcome.DELETED);
            assertThat(audited.space().deleteAttachment(written)).isEqualTo(DeleteOutcome.ALREADY_ABSENT);

            assertThat(site.simulator.counters().snapshot()).isEqualTo(Map.of(DELETE, 2L));
            assertThat(site.get("/wiki/api/v2/pages/" + EMBED_IMAGES).path("version").path("number").asLong())
                    .isEqualTo(pageVersion);
            assertThat(audited.context().auditEvents()).extracting(AuditEvent::operation, AuditEvent::outcome)
                    .containsExactly(Tuple.tuple("write-attachment", "ok"),
                            Tuple.tuple("delete-attachment", "ok"),
                            Tuple.tuple("delete-attachment", "already-absent"));
            assertThat(audited.context().auditEvents()).allSatisfy(event -> assertThat(event.details().toString())
                    .doesNotContain(SimulatedSpace.TOKEN));
        }
    }

    private static Attachment only(SourceOfTruth space, String fileName) {
        return space.attachments(List.of(EMBED_IMAGES)).get(EMBED_IMAGES).stream()
                .filter(attachment -> attachment.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    private static Map<String, SeedAttachment> attachmentsByTitle(Seed seed) {
        return seed.spaces().get(0).attachments().stream()
                .collect(Collectors.toMap(SeedAttachment::title, attachment -> attachment));
    }

    /** Every attachment of the seed's pages, as the space lists them. */
    private static List<Attachment> listAll(SourceOfTruth space, Seed seed) {
        List<RecordId> pages = seed.spaces().get(0).pages().stream().map(SeedPage::id).map(RecordId::of).toList();
        return space.attachments(pages).values().stream().flatMap(List::stream).toList();
    }
}
