package dev.reposix.simulator.internal.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media type of an uploaded file: the part's declared type, or, when a client sends none or
 * only {@code application/octet-stream}, one guessed from the extension, as Cloud sniffs it.
 * Stateless, thread-safe.
 */
final class MediaTypes {
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.of(
        "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
        "svg", "image/svg+xml", "pdf", "application/pdf", "txt", "text/plain", "md", "text/markdown");

    private MediaTypes() {
    }

    static String of(String fileName, Optional<String> declared) {
        String type = declared.map(value -> value.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!type.isEmpty() && !OCTET_STREAM.equals(type)) {
            return type;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
    }
}
