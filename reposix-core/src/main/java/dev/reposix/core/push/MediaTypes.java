package dev.reposix.core.push;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media type an uploaded file is sent with, from its file name's extension: a short list of the
 * files people attach to pages, then the JDK's table, then {@code application/octet-stream}.
 * Stateless and thread-safe.
 */
final class MediaTypes {

    static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"),
            Map.entry("html", "text/html"), Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("mp4", "video/mp4"), Map.entry("drawio", "application/vnd.jgraph.mxfile"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private MediaTypes() {
    }

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String common = COMMON.get(extension);
        if (common != null) {
            return common;
        }
        return Optional.ofNullable(URLConnection.guessContentTypeFromName(fileName)).orElse(DEFAULT);
    }
}
