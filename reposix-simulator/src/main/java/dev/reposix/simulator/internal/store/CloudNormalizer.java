package dev.reposix.simulator.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does to saved storage what Confluence Cloud does: every macro without them gets an
 * {@code ac:macro-id} and an {@code ac:local-id}. Round-trip code must treat such ids as noise, so
 * the simulator can add them on save (switchable). Ids are derived from the page and the macro's
 * position, so runs are reproducible. Stateless and thread-safe.
 */
final class CloudNormalizer {

    private static final Pattern MACRO_START = Pattern.compile("<ac:structured-macro\\b([^>]*)>");

    private CloudNormalizer() {
    }

    static String normalize(long pageId, int version, String storage) {
        Matcher matcher = MACRO_START.matcher(storage);
        StringBuilder result = new StringBuilder(storage.length() + 64);
        int index = 0;
        while (matcher.find()) {
            String attributes = matcher.group(1);
            StringBuilder added = new StringBuilder();
            if (!attributes.contains("ac:macro-id=")) {
                added.append(" ac:macro-id=\"").append(id(pageId, version, index, "macro")).append('"');
            }
            if (!attributes.contains("ac:local-id=")) {
                added.append(" ac:local-id=\"").append(id(pageId, version, index, "local")).append('"');
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement("<ac:structured-macro" + added + attributes + ">"));
            index++;
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static UUID id(long pageId, int version, int index, String kind) {
        return UUID.nameUUIDFromBytes((pageId + ":" + version + ":" + index + ":" + kind).getBytes(StandardCharsets.UTF_8));
    }
}
