package dev.reposix.simulator.internal.http;

import dev.reposix.simulator.internal.store.ApiFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal {@code multipart/form-data} parser (RFC 7578) for the attachment upload: enough for
 * what HTTP clients send (a boundary, CRLF line ends, {@code Content-Disposition} with
 * {@code name} and optional {@code filename}, an optional {@code Content-Type} per part).
 * Stateless, thread-safe.
 */
public final class Multipart {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    /** One part: its form field name, file name if any, declared content type if any, and bytes. */
    public record Part(String name, Optional<String> fileName, Optional<String> contentType, byte[] data) {
        /** The part's bytes as UTF-8 text. */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a request; 415 when it is not multipart/form-data, 400 when malformed. */
    public static List<Part> parse(ApiRequest request) {
        String contentType = request.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiFailure(415, "UNSUPPORTED_MEDIA_TYPE", "The upload must be multipart/form-data");
        }
        String boundary = parameter(contentType, "boundary")
            .orElseThrow(() -> ApiFailure.badRequest("The multipart Content-Type has no boundary"));
        byte[] body = request.body();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw ApiFailure.badRequest("The multipart body does not contain its boundary");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts;
            }
            int headersStart = afterDelimiter + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw ApiFailure.badRequest("A multipart part has no header end");
            }
            byte[] nextDelimiter = concat(CRLF, delimiter);
            int next = indexOf(body, nextDelimiter, headersEnd + HEADER_END.length);
            if (next < 0) {
                throw ApiFailure.badRequest("The multipart body is not terminated");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + HEADER_END.length, next)));
            position = next + CRLF.length;
        }
    }

    private static Part part(String headerBlock, byte[] data) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String disposition = headers.getOrDefault("content-disposition", "");
        String name = parameter(disposition, "name")
            .orElseThrow(() -> ApiFailure.badRequest("A multipart part has no form field name"));
        return new Part(name, parameter(disposition, "filename"),
            Optional.ofNullable(headers.get("content-type")), data);
    }

    /**
     * A {@code key=value} or {@code key="value"} parameter of a header value; a quoted value may
     * hold {@code ;}, as file names do.
     */
    static Optional<String> parameter(String headerValue, String key) {
        for (String piece : parameters(headerValue)) {
            String trimmed = piece.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase(key)) {
                String value = trimmed.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The header value split at each {@code ;} outside double quotes. */
    private static List<String> parameters(String headerValue) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        for (char character : headerValue.toCharArray()) {
            if (character == '"') {
                quoted = !quoted;
            }
            if (character == ';' && !quoted) {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(character);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int start = Math.max(0, from); start <= haystack.length - needle.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
