package dev.reposix.backend.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.reposix.api.Attachment;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.Reposix;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.http.HttpErrorCode;
import dev.reposix.testkit.RecordingSocketServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attachments on the exact wire, against WireMock: redirects of downloads (Cloud sends them to its
 * media service on another origin), size limits, server-supplied links, the multipart upload and
 * error mapping.
 */
class AttachmentWireTest {

    private static final String TOKEN = "tok-secret-1";
    private static final String PAGE_LIST = "/wiki/api/v2/pages/42/attachments";
    private static final String DOWNLOAD = "/wiki/download/attachments/42/report%20v2.pdf";
    private static final byte[] PDF = "%PDF-1.4 reposix".getBytes(StandardCharsets.US_ASCII);

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final WireMockServer media = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Reposix reposix;
    private String base;

    @BeforeEach
    void start() {
        server.start();
        media.start();
        base = "http://127.0.0.1:" + server.port();
        reposix = Reposix.builder().provider(new ConfluenceProvider())
                .environment(Map.of("ATLASSIAN_EMAIL", "jane@acme.example", "ATLASSIAN_API_KEY", TOKEN,
                        "REPOSIX_CONFLUENCE_BASE_URL", base,
                        "REPOSIX_ALLOWED_ORIGINS", base + ",http://127.0.0.1:" + media.port()))
                .build();
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson("{\"results\":[{\"id\":\"77\","
                + "\"key\":\"ENG\",\"name\":\"Engineering\",\"homepageId\":\"1\"}]}")));
        server.stubFor(post(urlPathEqualTo("/wiki/api/v2/users-bulk")).willReturn(okJson("{\"results\":[]}")));
    }

    @AfterEach
    void stop() {
        reposix.close();
        server.stop();
        media.stop();
    }

    private SourceOfTruth open() {
        return reposix.open(RemoteSpec.parse("confluence::ENG"));
    }

    /** A v2 list item; {@code extra} adds raw JSON members. */
    private static String item(String id, String pageId, String title, long size, String extra) {
        return "{\"id\":\"" + id + "\",\"status\":\"current\",\"title\":\"" + title + "\","
                + (pageId == null ? "" : "\"pageId\":\"" + pageId + "\",") + "\"mediaType\":\"application/pdf\","
                + "\"fileSize\":" + size + ",\"version\":{\"number\":4}" + extra + "}";
    }

    private Attachment listedReport(SourceOfTruth space, long size, String extra) {
        server.stubFor(get(urlPathEqualTo(PAGE_LIST)).willReturn(okJson("{\"results\":["
                + item("att7", "42", "report v2.pdf", size, extra) + "],\"_links\":{}}")));
        return space.attachments(List.of(RecordId.of("42"))).get(RecordId.of("42")).get(0);
    }

    @Test
    void aPageListingAsksForCurrentFilesOnlyAndMapsTheFields() {
        try (SourceOfTruth space = open()) {
            Attachment report = listedReport(space, PDF.length, "");

            assertThat(report).isEqualTo(new Attachment("att7", RecordId.of("42"), "report v2.pdf", "application/pdf",
                    PDF.length, 4, URI.create(base + DOWNLOAD)));
        }
        server.verify(getRequestedFor(urlPathEqualTo(PAGE_LIST)).withQueryParam("limit", equalTo("250"))
                .withQueryParam("status", equalTo("current")));
    }

    @Test
    void manyPagesCostOneSiteWideListingFollowedByCursorKeepingOnlyTheAskedPages() {
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/attachments")).withQueryParam("cursor", absent())
                .willReturn(okJson("{\"results\":[" + item("att1", "10", "a.pdf", 1, "") + ","
                        + item("att2", "999", "other-space.pdf", 1, "") + ","
                        + item("att3", null, "blog-post.pdf", 1, ",\"blogPostId\":\"5\"") + "],"
                        + "\"_links\":{\"next\":\"/wiki/api/v2/attachments?limit=250&status=current&cursor=c2\"}}")));
        server.stubFor(get(urlPathEqualTo("/wiki/api/v2/attachments")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson("{\"results\":[" + item("att4", "18", "b.pdf", 1, "") + "],\"_links\":{}}")));
        List<RecordId> pages = new ArrayList<>();
        for (int id = 10; id < 19; id++) {
            pages.add(RecordId.of(Integer.toString(id)));
        }

        Map<RecordId, List<Attachment>> listed;
        try (SourceOfTruth space = open()) {
            listed = space.attachments(pages);
        }

        assertThat(listed).containsOnlyKeys(RecordId.of("10"), RecordId.of("18"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/wiki/api/v2/attachments")));
        server.verify(getRequestedFor(urlPathEqualTo("/wiki/api/v2/attachments")).withQueryParam("cursor", absent())
                .withQueryParam("limit", equalTo("250")).withQueryParam("status", equalTo("current")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/wiki/api/v2/pages/10/attachments")));
    }

    @Test
    void aDownloadRedirectedToAnAllowedOriginArrivesWithoutTheCredentials() {
        String mediaPath = "/file/abc/binary";
        server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + media.port() + mediaPath + "?token=short-lived")));
        media.stubFor(get(urlPathEqualTo(mediaPath)).willReturn(aResponse().withBody(PDF)));

        byte[] read;
        try (SourceOfTruth space = open()) {
            read = space.readAttachment(listedReport(space, PDF.length, ""), PDF.length);
        }

        assertThat(read).isEqualTo(PDF);
        server.verify(getRequestedFor(urlPathEqualTo(DOWNLOAD)).withHeader("Authorization", matching("Basic .+")));
        media.verify(1, getRequestedFor(urlPathEqualTo(mediaPath)).withQueryParam("token", equalTo("short-lived"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aDownloadRedirectedToAnOriginNotAllowedFailsClosedAndNotOneByteReachesIt() throws Exception {
        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK);
                SourceOfTruth space = open()) {
            server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", excluded.origin() + "/file/abc")));
            Attachment report = listedReport(space, PDF.length, "");

            assertFails(HttpErrorCode.EGRESS_DENIED, () -> space.readAttachment(report, 1 << 20));

            assertThat(excluded.connections()).as("connections to the excluded origin").isZero();
        }
    }

    @Test
    void aRedirectLoopStopsAtTheTransportsLimit() {
        server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", DOWNLOAD)));
        try (SourceOfTruth space = open()) {
            Attachment report = listedReport(space, PDF.length, "");

            assertFails(HttpErrorCode.TOO_MANY_REDIRECTS, () -> space.readAttachment(report, 1 << 20));
        }
    }

    @Test
    void serverSuppliedLinksAndBasesOnAnotherOriginAreIgnored() throws Exception {
        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK);
                SourceOfTruth space = open()) {
            server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withBody(PDF)));
            String elsewhere = excluded.origin() + "/wiki/download/attachments/42/report%20v2.pdf";
            Attachment report = listedReport(space, PDF.length, ",\"downloadLink\":\"" + elsewhere + "\","
                    + "\"webuiLink\":\"" + elsewhere + "\",\"_links\":{\"download\":\"" + elsewhere + "\",\"base\":\""
                    + excluded.origin() + "/wiki\"}");

            assertThat(report.link()).isEqualTo(URI.create(base + DOWNLOAD));
            assertThat(space.readAttachment(report, PDF.length)).isEqualTo(PDF);

            assertThat(excluded.connections()).as("connections to the server-supplied origin").isZero();
        }
    }

    @Test
    void aFileListedLargerThanMaxBytesIsRefusedWithoutDownloading() {
        try (SourceOfTruth space = open()) {
            Attachment big = listedReport(space, 5_000, "");

            assertThatThrownBy(() -> space.readAttachment(big, 100)).isInstanceOfSatisfying(ReposixException.class,
                    error -> {
                        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE);
                        assertThat(error.getMessage()).contains("5000").contains("REPOSIX_ATTACHMENT_MAX_BYTES");
                    });
        }
        server.verify(0, getRequestedFor(urlPathEqualTo(DOWNLOAD)));
    }

    @Test
    void anAnswerLargerThanMaxBytesIsRefusedByItsContentLength() {
        byte[] grown = new byte[5_000];
        Arrays.fill(grown, (byte) 'x');
        server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withBody(grown)));
        try (SourceOfTruth space = open()) {
            Attachment listedSmall = listedReport(space, 10, "");

            assertThatThrownBy(() -> space.readAttachment(listedSmall, 100)).isInstanceOfSatisfying(
                    ReposixException.class, error -> {
                        assertThat(error.errorCode()).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE);
                        assertThat(error.getMessage()).contains("5000").contains("REPOSIX_ATTACHMENT_MAX_BYTES");
                    });
        }
    }

    @Test
    void anUploadIsOneMultipartPutWithTheXsrfHeaderAndItsObjectAnswerIsRead() {
        server.stubFor(put(urlPathEqualTo("/wiki/rest/api/content/42/child/attachment")).willReturn(okJson(
                "{\"id\":\"att7\",\"type\":\"attachment\",\"title\":\"report v2.pdf\",\"version\":{\"number\":5},"
                        + "\"container\":{\"id\":\"42\"},\"extensions\":{\"mediaType\":\"application/pdf\","
                        + "\"fileSize\":" + PDF.length + "},\"_links\":{\"base\":\"https://evil.example/wiki\"}}")));

        Attachment written;
        try (SourceOfTruth space = open()) {
            written = space.writeAttachment(RecordId.of("42"), "report v2.pdf", "application/pdf", PDF, "from git");
        }

        assertThat(written).isEqualTo(new Attachment("att7", RecordId.of("42"), "report v2.pdf", "application/pdf",
                PDF.length, 5, URI.create(base + DOWNLOAD)));
        server.verify(1, putRequestedFor(urlPathEqualTo("/wiki/rest/api/content/42/child/attachment"))
                .withHeader("X-Atlassian-Token", equalTo("nocheck"))
                .withHeader("Content-Type", matching("multipart/form-data; boundary=reposix-[0-9a-f-]+"))
                .withRequestBody(containing("Content-Disposition: form-data; name=\"file\"; filename=\"report v2.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 reposix\r\n"))
                .withRequestBody(containing("name=\"comment\"\r\n\r\nfrom git\r\n"))
                .withRequestBody(containing("name=\"minorEdit\"\r\n\r\ntrue\r\n")));
    }

    @Test
    void deletingAMissingFileIsAlreadyAbsentAndFailuresNeverShowTheToken() {
        server.stubFor(delete(urlPathEqualTo("/wiki/api/v2/attachments/att7")).willReturn(aResponse().withStatus(404)));
        server.stubFor(delete(urlPathEqualTo("/wiki/api/v2/attachments/att8")).willReturn(aResponse().withStatus(403)));
        server.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(aResponse().withStatus(401)));
        try (SourceOfTruth space = open()) {
            Attachment report = listedReport(space, PDF.length, "");
            Attachment locked = new Attachment("att8", report.record(), "locked.pdf", "application/pdf", 1, 1,
                    report.link());

            assertThat(space.deleteAttachment(report)).isEqualTo(DeleteOutcome.ALREADY_ABSENT);
            assertFails(ConfluenceErrorCode.PERMISSION_DENIED, () -> space.deleteAttachment(locked));
            assertFails(ConfluenceErrorCode.AUTHENTICATION_FAILED, () -> space.readAttachment(report, 1 << 20));
        }
        server.verify(deleteRequestedFor(urlPathEqualTo("/wiki/api/v2/attachments/att8")));
    }

    private static void assertFails(ErrorCode code, ThrowingCallable operation) {
        assertThatThrownBy(operation).isInstanceOfSatisfying(ReposixException.class, error -> {
            assertThat(error.errorCode()).isEqualTo(code);
            assertThat(error.getMessage()).doesNotContain(TOKEN);
        });
    }
}
