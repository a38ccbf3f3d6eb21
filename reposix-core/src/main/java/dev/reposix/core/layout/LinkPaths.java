package dev.reposix.core.layout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Relative paths between files of the tree, and their encoding as Markdown link destinations.
 * Thread-safe (stateless).
 */
final class LinkPaths {

    /** ASCII characters left as they are in a destination; everything else ASCII is escaped. */
    private static final String KEPT = "-._~!$'*+,;=@/";

    private LinkPaths() {
    }

    /** The directory of a file path: {@code pages/Ops} for {@code pages/Ops/Runbook.md}. */
    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The path of {@code target} relative to the directory {@code from}, e.g. {@code ../Ops/Runbook.md}. */
    static String relative(String from, String target) {
        List<String> fromSegments = segments(from);
        List<String> targetSegments = segments(target);
        int common = 0;
        while (common < fromSegments.size() && common < targetSegments.size() - 1
                && fromSegments.get(common).equals(targetSegments.get(common))) {
            common++;
        }
        StringBuilder relative = new StringBuilder();
        relative.append("../".repeat(fromSegments.size() - common));
        relative.append(String.join("/", targetSegments.subList(common, targetSegments.size())));
        return relative.toString();
    }

    /** Resolves a relative path against a directory, or empty if it leaves the tree or is odd. */
    static Optional<String> resolve(String from, String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) {
            return Optional.empty();
        }
        List<String> resolved = new ArrayList<>(segments(from));
        for (String segment : relative.split("/", -1)) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                resolved.remove(resolved.size() - 1);
            } else if (segment.isEmpty()) {
                return Optional.empty();
            } else if (!segment.equals(".")) {
                resolved.add(segment);
            }
        }
        return Optional.of(String.join("/", resolved));
    }

    /** Percent-encodes what a Markdown destination or a URL cannot hold literally; {@code /} stays. */
    static String encode(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        path.codePoints().forEach(codePoint -> {
            boolean kept = codePoint < 0x80 ? Character.isLetterOrDigit(codePoint) || KEPT.indexOf(codePoint) >= 0
                    : !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                            && Character.getType(codePoint) != Character.FORMAT
                            && Character.getType(codePoint) != Character.CONTROL
                            && Character.getType(codePoint) != Character.SURROGATE;
            if (kept) {
                encoded.appendCodePoint(codePoint);
            } else {
                for (byte value : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(value));
                }
            }
        });
        return encoded.toString();
    }

    /** Decodes every percent escape; empty if an escape is malformed or the bytes are not UTF-8. */
    static Optional<String> decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return Optional.of(encoded);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < encoded.length(); index++) {
            char character = encoded.charAt(index);
            if (character == '%') {
                if (index + 2 >= encoded.length() || Character.digit(encoded.charAt(index + 1), 16) < 0
                        || Character.digit(encoded.charAt(index + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Integer.parseInt(encoded.substring(index + 1, index + 3), 16));
                index += 2;
            } else {
                byte[] literal = String.valueOf(character).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(character) && index + 1 < encoded.length()) {
                    literal = encoded.substring(index, index + 2).getBytes(StandardCharsets.UTF_8);
                    index++;
                }
                bytes.write(literal, 0, literal.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }

    private static List<String> segments(String path) {
        return path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
    }
}
