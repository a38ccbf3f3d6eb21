package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.Attachment;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.ConfluenceErrorCode;
import java.net.URI;

/**
 * Reads attachments from Confluence's answers: the v2 {@code AttachmentBulk} of the listings and
 * the v1 content object of the upload. Links are built from the configured base URL, never from
 * {@code downloadLink}, {@code _links.base} or any other URL the server supplied. Stateless.
 */
final class AttachmentJson {

    private AttachmentJson() {
    }

    /** An item of a v2 attachment list. */
    static Attachment fromV2(JsonNode item, ConfluenceSite site) {
        RecordId page = RecordId.of(PageJson.requiredText(item, "pageId"));
        return attachment(item, page, item.path("mediaType").asText(""), item.path("fileSize").asLong(0), site);
    }

    /** The v1 content object of an upload's answer, attached to {@code page}. */
    static Attachment fromV1(JsonNode item, RecordId page, ConfluenceSite site) {
        JsonNode extensions = item.path("extensions");
        String mediaType = extensions.path("mediaType").asText(item.path("metadata").path("mediaType").asText(""));
        return attachment(item, page, mediaType, extensions.path("fileSize").asLong(0), site);
    }

    /** The download path of a page's file, one encoded path segment per name. */
    static String downloadPath(RecordId page, String fileName) {
        return "/wiki/download/attachments/" + Query.encode(page.value()) + "/" + Query.encode(fileName);
    }

    /** The error for an attachment in an answer that lacks what reposix needs. */
    static ReposixException malformed(String purpose, IllegalArgumentException problem) {
        return new ReposixException(ConfluenceErrorCode.UNEXPECTED_RESPONSE, "cannot read Confluence's answer while "
                + purpose + ": " + problem.getMessage(), problem);
    }

    private static Attachment attachment(JsonNode item, RecordId page, String mediaType, long size,
            ConfluenceSite site) {
        String fileName = PageJson.requiredText(item, "title");
        URI link = site.resolve(downloadPath(page, fileName));
        return new Attachment(PageJson.requiredText(item, "id"), page, fileName,
                mediaType.isEmpty() ? "application/octet-stream" : mediaType, Math.max(0, size),
                Math.max(1, item.path("version").path("number").asLong(1)), link);
    }
}
