package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Attachment;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.RecordId;
import dev.reposix.api.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Uploads and deletes attachments. Cloud has no v2 upload, so a file goes up through v1
 * {@code PUT /wiki/rest/api/content/{id}/child/attachment}, which creates the file or adds a version
 * to the page's file with that name, as a minor edit (no notification, no page version); deletes go
 * through v2 {@code DELETE /wiki/api/v2/attachments/{id}}, to the trash. Thread-safe.
 */
final class AttachmentWriter {

    private final ConfluenceHttp http;

    AttachmentWriter(ConfluenceHttp http) {
        this.http = http;
    }

    /** Creates the file, or a new version of the page's file with that name. */
    Attachment write(RecordId page, String fileName, String mediaType, byte[] content, String comment) {
        MultipartForm form = MultipartForm.avoiding(content, comment.getBytes(StandardCharsets.UTF_8),
                        fileName.getBytes(StandardCharsets.UTF_8))
                .file("file", fileName, mediaType, content)
                .field("comment", comment)
                .field("minorEdit", "true");
        String purpose = "uploading \"" + fileName + "\" to page " + page;
        TransportResponse response = http.exchange("PUT", "/wiki/rest/api/content/" + Query.encode(page.value())
                + "/child/attachment", "application/json", form.contentType(), form.toBytes());
        JsonNode answer = http.readOk(response, purpose);
        JsonNode stored = answer.path("results").isArray() ? answer.path("results").path(0) : answer;
        try {
            return AttachmentJson.fromV1(stored, page, http.site());
        } catch (IllegalArgumentException malformed) {
            throw AttachmentJson.malformed(purpose, malformed);
        }
    }

    /** Moves the attachment to the trash; {@link DeleteOutcome#ALREADY_ABSENT} when it was gone. */
    DeleteOutcome delete(Attachment attachment) {
        TransportResponse response = http.exchange("DELETE", "/wiki/api/v2/attachments/"
                + Query.encode(attachment.id()), Optional.empty());
        if (response.status() == 404) {
            return DeleteOutcome.ALREADY_ABSENT;
        }
        http.readOk(response, "moving attachment \"" + attachment.fileName() + "\" of page " + attachment.record()
                + " to the trash");
        return DeleteOutcome.DELETED;
    }
}
