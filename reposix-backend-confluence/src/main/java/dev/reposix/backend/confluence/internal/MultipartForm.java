package dev.reposix.backend.confluence.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one file, built in memory. File
 * names are sent as UTF-8 with {@code "}, CR and LF percent-encoded, as browsers send them. The
 * boundary is random and checked against the content. Not thread-safe while being built.
 */
final class MultipartForm {

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private MultipartForm(String boundary) {
        this.boundary = boundary;
    }

    /** A form whose boundary occurs in none of {@code contents}. */
    static MultipartForm avoiding(byte[]... contents) {
        while (true) {
            String candidate = "reposix-" + UUID.randomUUID();
            byte[] delimiter = candidate.getBytes(StandardCharsets.US_ASCII);
            if (Arrays.stream(contents).noneMatch(content -> contains(content, delimiter))) {
                return new MultipartForm(candidate);
            }
        }
    }

    /** Adds a text field. */
    MultipartForm field(String name, String value) {
        part("form-data; name=\"" + quoted(name) + "\"", null, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a file field. */
    MultipartForm file(String name, String fileName, String mediaType, byte[] content) {
        part("form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(fileName) + "\"", mediaType, content);
        return this;
    }

    /** The {@code Content-Type} header value, with the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body. */
    byte[] toBytes() {
        ByteArrayOutputStream finished = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
        finished.writeBytes(body.toByteArray());
        finished.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return finished.toByteArray();
    }

    private void part(String disposition, String mediaType, byte[] content) {
        StringBuilder headers = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: ").append(disposition).append("\r\n");
        if (mediaType != null) {
            headers.append("Content-Type: ").append(mediaType).append("\r\n");
        }
        body.writeBytes(headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
