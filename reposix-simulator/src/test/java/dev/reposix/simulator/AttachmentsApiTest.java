package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments over real HTTP, as a client sees them: list, download, upload, versions, delete. */
class AttachmentsApiTest {
    private static final String EMBED_IMAGES = "1000020";
    private static final String UPLOAD = "/wiki/rest/api/content/" + EMBED_IMAGES + "/child/attachment";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ConfluenceSimulator simulator;
    private SimulatorHttp http;

    @BeforeEach
    void start() {
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start();
        http = new SimulatorHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void demoPageThatEmbedsScreenshotHasItAsAValidPng() {
        JsonNode page = SimulatorHttp.json(http.get("/wiki/api/v2/pages/" + EMBED_IMAGES + "?body-format=storage"));
        assertThat(page.path("title").asText()).isEqualTo("Embed Images");
        assertThat(page.path("body").path("storage").path("value").asText()).contains("screenshot.png");
        List<JsonNode> attachments = http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments");
        JsonNode screenshot = attachments.stream().filter(a -> a.path("title").asText().equals("screenshot.png"))
            .findFirst().orElseThrow();
        assertThat(screenshot.path("id").asText()).startsWith("att");
        assertThat(screenshot.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(screenshot.path("pageId").asText()).isEqualTo(EMBED_IMAGES);
        assertThat(screenshot.path("version").path("number").asInt()).isEqualTo(1);
        byte[] bytes = download(screenshot.path("downloadLink").asText());
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_MAGIC);
        assertThat((long) bytes.length).isEqualTo(screenshot.path("fileSize").asLong());
    }

    @Test
    void demoPagesReferenceExactlyTheFilesAttachedToThem() {
        Seed demo = Seeds.demo();
        List<String> referenced = new ArrayList<>();
        for (SeedPage page : demo.spaces().get(0).pages()) {
            Matcher matcher = Pattern.compile("ri:attachment ri:filename=\"([^\"]+)\"").matcher(page.body());
            while (matcher.find()) {
                referenced.add(page.id() + "/" + matcher.group(1));
            }
        }
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(demo.spaces().get(0).attachments().stream()
            .map(attachment -> attachment.pageId() + "/" + attachment.title()).toList());
        assertThat(Seeds.demo().spaces().get(0).pages()).anyMatch(page -> page.body().contains(
            "<ac:link><ri:attachment ri:filename=\"release-notes-0.2.pdf\" /></ac:link>"));
        assertThat(demo.spaces().get(0).attachments()).anyMatch(a -> a.mediaType().equals("application/pdf")
            && new String(a.data(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    }

    @Test
    void listingPaginatesWithCursorAndLinkHeader() {
        for (int index = 0; index < 5; index++) {
            assertThat(upload("POST", "file-" + index + ".txt", "text/plain", ("body " + index).getBytes(
                StandardCharsets.UTF_8), true).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> first = http.get("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?limit=3");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(SimulatorHttp.json(first).path("results")).hasSize(3);
        String next = SimulatorHttp.json(first).path("_links").path("next").asText();
        assertThat(next).startsWith("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?").contains("cursor=");
        assertThat(first.headers().firstValue("Link")).hasValueSatisfying(link ->
            assertThat(link).contains("<" + next + ">; rel=\"next\""));
        List<JsonNode> all = http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?limit=3");
        assertThat(all).extracting(node -> node.path("title").asText()).doesNotHaveDuplicates()
            .containsExactly("screenshot.png", "diagram.png", "file-0.txt", "file-1.txt", "file-2.txt",
                "file-3.txt", "file-4.txt");
        assertThat(http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?filename=file-3.txt"))
            .hasSize(1);
        assertThat(http.get("/wiki/api/v2/pages/424242/attachments").statusCode()).isEqualTo(404);
    }

    @Test
    void uploadCreatesThenPutMakesNewVersionAndOldVersionStaysDownloadable() {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = upload("POST", "notes file.txt", "text/plain", first, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode result = SimulatorHttp.json(created).path("results").get(0);
        String id = result.path("id").asText();
        assertThat(result.path("title").asText()).isEqualTo("notes file.txt");
        assertThat(result.path("version").path("number").asInt()).isEqualTo(1);

        HttpResponse<String> duplicate = upload("POST", "notes file.txt", "text/plain", first, true);
        assertThat(duplicate.statusCode()).isEqualTo(400);

        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> updated = upload("PUT", "notes file.txt", null, second, true);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(SimulatorHttp.json(updated).path("results").get(0).path("id").asText()).isEqualTo(id);

        JsonNode single = SimulatorHttp.json(http.get("/wiki/api/v2/attachments/" + id));
        assertThat(single.path("version").path("number").asInt()).isEqualTo(2);
        assertThat(single.path("fileSize").asLong()).isEqualTo(second.length);
        assertThat(single.path("downloadLink").asText()).contains("notes%20file.txt").contains("version=2");
        HttpResponse<byte[]> latest = downloadResponse(single.path("downloadLink").asText());
        assertThat(latest.body()).isEqualTo(second);
        assertThat(latest.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(download("/download/attachments/" + EMBED_IMAGES + "/notes%20file.txt?version=1"))
            .isEqualTo(first);
        assertThat(http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?filename=notes%20file.txt"))
            .hasSize(1);
    }

    @Test
    void uploadWithoutNocheckHeaderIsForbiddenAndStoresNothing() {
        HttpResponse<String> refused = upload("POST", "sneaky.png", "image/png", PNG_MAGIC, false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?filename=sneaky.png"))
            .isEmpty();
    }

    @Test
    void deleteTrashesThenPurgeRemoves() {
        JsonNode diagram = http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?filename=diagram.png")
            .get(0);
        String id = diagram.path("id").asText();
        assertThat(http.delete("/wiki/api/v2/attachments/" + id + "?purge=true").statusCode()).isEqualTo(400);
        assertThat(http.delete("/wiki/api/v2/attachments/" + id).statusCode()).isEqualTo(204);
        assertThat(http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments"))
            .extracting(node -> node.path("title").asText()).containsExactly("screenshot.png");
        assertThat(http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments?status=trashed")).hasSize(1);
        assertThat(downloadResponse(diagram.path("downloadLink").asText()).statusCode()).isEqualTo(404);
        assertThat(http.delete("/wiki/api/v2/attachments/" + id + "?purge=true").statusCode()).isEqualTo(204);
        assertThat(http.get("/wiki/api/v2/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(upload("POST", "diagram.png", "image/png", PNG_MAGIC, true).statusCode()).isEqualTo(200);
    }

    @Test
    void downloadsAreCountedPerTemplateAndHonourTheFaultPlan() {
        String link = http.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES + "/attachments").get(0)
            .path("downloadLink").asText();
        simulator.counters().reset();
        download(link);
        download(link);
        upload("PUT", "counted.txt", "text/plain", new byte[] {1}, true);
        assertThat(simulator.counters().count("GET", "/wiki/download/attachments/{pageId}/{fileName}")).isEqualTo(2);
        assertThat(simulator.counters().count("PUT", "/wiki/rest/api/content/{id}/child/attachment")).isEqualTo(1);
        simulator.faults().add(FaultRule.on("GET", "/wiki/download/attachments/{pageId}/{fileName}",
            Fault.status(503)));
        assertThat(downloadResponse(link).statusCode()).isEqualTo(503);
        assertThat(downloadResponse(link).statusCode()).isEqualTo(200);
    }

    @Test
    void snapshotAndSeedFileKeepAttachmentBytes(@TempDir Path directory) {
        byte[] data = {0, 1, 2, (byte) 0xff};
        upload("POST", "blob.bin", "application/octet-stream", data, true);
        upload("PUT", "blob.bin", "application/octet-stream", new byte[] {9, 9}, true);
        Seed snapshot = simulator.snapshot();
        Path file = directory.resolve("seed.json");
        snapshot.write(file);
        Seed read = Seed.read(file);
        assertThat(read).isEqualTo(snapshot);
        SeedAttachment blob = read.spaces().get(0).attachments().stream()
            .filter(a -> a.title().equals("blob.bin")).findFirst().orElseThrow();
        assertThat(blob.data()).isEqualTo(new byte[] {9, 9});
        assertThat(blob.versionNumber()).isEqualTo(2);
        try (ConfluenceSimulator replay = SimulatorHttp.simulatorBuilder().seed(read).start()) {
            SimulatorHttp replayHttp = new SimulatorHttp(replay);
            JsonNode listed = replayHttp.listAll("/wiki/api/v2/pages/" + EMBED_IMAGES
                + "/attachments?filename=blob.bin").get(0);
            assertThat(listed.path("id").asText()).isEqualTo("att" + blob.id());
            assertThat(listed.path("version").path("number").asInt()).isEqualTo(2);
        }
    }

    private byte[] download(String downloadLink) {
        HttpResponse<byte[]> response = downloadResponse(downloadLink);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Resolves the link as Cloud defines it: relative to {@code _links.base}, the site's {@code /wiki}. */
    private HttpResponse<byte[]> downloadResponse(String downloadLink) {
        HttpRequest request = http.request("/wiki" + downloadLink).GET().build();
        return sendBytes(request);
    }

    private HttpResponse<String> upload(String method, String fileName, String contentType, byte[] data,
                                        boolean nocheck) {
        String boundary = "reposix-test-boundary-42";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> header = new ArrayList<>();
        header.add("--" + boundary);
        header.add("Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"");
        if (contentType != null) {
            header.add("Content-Type: " + contentType);
        }
        body.writeBytes((String.join("\r\n", header) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"minorEdit\"\r\n\r\ntrue"
            + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = http.request(UPLOAD)
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (nocheck) {
            builder.header("X-Atlassian-Token", "nocheck");
        }
        return http.send(builder);
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
