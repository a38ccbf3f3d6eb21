package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.store.StoredAttachment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * JSON shapes of attachments: the v2 {@code AttachmentBulk}/{@code AttachmentSingle} and the v1
 * content object that the v1 upload answers with. Links are relative to {@code _links.base}
 * (the site's {@code /wiki}), as on Cloud: {@code downloadLink} is
 * {@code /download/attachments/{pageId}/{file}?version=N&...}. Stateless, thread-safe.
 */
final class AttachmentViews {
    private static final Map<String, String> DESCRIPTIONS = Map.of(
        "image/png", "PNG Image", "image/jpeg", "JPEG Image", "image/gif", "GIF Image",
        "image/svg+xml", "SVG Image", "application/pdf", "PDF Document", "text/plain", "Text File");

    private AttachmentViews() {
    }

    static ObjectNode v2(StoredAttachment attachment) {
        StoredAttachment.FileVersion latest = attachment.latest();
        ObjectNode json = Json.object();
        json.put("id", attachment.apiId());
        json.put("status", attachment.status());
        json.put("title", attachment.title());
        json.put("createdAt", Json.timestamp(attachment.createdAt()));
        json.put("pageId", Long.toString(attachment.pageId()));
        json.put("mediaType", latest.mediaType());
        json.put("mediaTypeDescription", describe(latest.mediaType()));
        json.put("comment", latest.comment());
        json.put("fileId", fileId(attachment));
        json.put("fileSize", (long) latest.data().length);
        json.put("webuiLink", webui(attachment));
        json.put("downloadLink", download(attachment));
        json.set("version", JsonViews.version(latest.version()));
        ObjectNode links = json.putObject("_links");
        links.put("webui", webui(attachment));
        links.put("download", download(attachment));
        return json;
    }

    static ObjectNode v1(StoredAttachment attachment, ApiContext context) {
        StoredAttachment.FileVersion latest = attachment.latest();
        ObjectNode json = Json.object();
        json.put("id", attachment.apiId());
        json.put("type", "attachment");
        json.put("status", attachment.status());
        json.put("title", attachment.title());
        ObjectNode version = json.putObject("version");
        version.put("number", latest.version().number());
        version.put("when", Json.timestamp(latest.version().createdAt()));
        version.put("message", latest.version().message());
        version.put("minorEdit", latest.version().minorEdit());
        version.putObject("by").put("accountId", latest.version().authorId());
        ObjectNode container = json.putObject("container");
        container.put("id", Long.toString(attachment.pageId()));
        container.put("type", "page");
        json.putObject("metadata").put("mediaType", latest.mediaType()).put("comment", latest.comment());
        json.putObject("extensions").put("mediaType", latest.mediaType())
            .put("fileSize", (long) latest.data().length).put("comment", latest.comment())
            .put("fileId", fileId(attachment));
        ObjectNode links = json.putObject("_links");
        links.put("webui", webui(attachment));
        links.put("download", download(attachment));
        links.put("self", context.siteBase() + "/rest/api/content/" + attachment.apiId());
        return json;
    }

    /** The path of the download endpoint for a file name, one encoded path segment. */
    static String downloadPath(long pageId, String fileName) {
        return "/download/attachments/" + pageId + "/" + segment(fileName);
    }

    private static String download(StoredAttachment attachment) {
        StoredAttachment.FileVersion latest = attachment.latest();
        return downloadPath(attachment.pageId(), attachment.title()) + "?version=" + latest.version().number()
            + "&modificationDate=" + latest.version().createdAt().toEpochMilli() + "&cacheVersion=1&api=v2";
    }

    private static String webui(StoredAttachment attachment) {
        return "/pages/viewpageattachments.action?pageId=" + attachment.pageId() + "&preview=%2F"
            + attachment.pageId() + "%2F" + attachment.id() + "%2F" + segment(attachment.title());
    }

    private static String fileId(StoredAttachment attachment) {
        return UUID.nameUUIDFromBytes(attachment.apiId().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String describe(String mediaType) {
        return DESCRIPTIONS.getOrDefault(mediaType.toLowerCase(Locale.ROOT), "File");
    }

    /** One URL path segment: percent-encoded, spaces as {@code %20}. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
