package dev.reposix.git;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A validated path of a file inside a repository tree, e.g. {@code pages/Team/Roadmap.md}: relative,
 * {@code /}-separated, valid UTF-8, without empty, {@code .}, {@code ..} or {@code .git} components
 * and without NUL, CR or LF. Immutable and thread-safe.
 *
 * @param value the path as written
 * @since 0.1
 */
public record GitPath(String value) implements Comparable<GitPath> {

    /**
     * Validates the path.
     *
     * @param value the path
     * @throws ReposixException with {@link GitErrorCode#INVALID_PATH} when the path is not valid
     */
    public GitPath {
        requireNonNull(value, "path is null");
        String problem = problemOf(value);
        if (problem != null) {
            throw new ReposixException(GitErrorCode.INVALID_PATH,
                    "invalid file path '" + printable(value) + "': " + problem + "; rename the file");
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param value the path
     * @return the validated path
     */
    public static GitPath of(String value) {
        return new GitPath(value);
    }

    /**
     * The components between the slashes.
     *
     * @return the components, at least one
     */
    public List<String> segments() {
        return List.of(value.split("/", -1));
    }

    @Override
    public int compareTo(GitPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemOf(String path) {
        if (path.isEmpty()) {
            return "it is empty";
        }
        if (path.startsWith("/")) {
            return "it starts with '/' (paths are relative to the tree root)";
        }
        if (!isValidUtf16(path)) {
            return "it is not valid Unicode (cannot be written as UTF-8)";
        }
        for (int index = 0; index < path.length(); index++) {
            char character = path.charAt(index);
            if (character == '\0' || character == '\n' || character == '\r') {
                return "it contains a NUL or line-break character";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty component ('//' or a trailing '/')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a '" + segment + "' component";
            }
            if (segment.equalsIgnoreCase(".git")) {
                return "it has a '.git' component";
            }
        }
        return null;
    }

    private static boolean isValidUtf16(String path) {
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(path));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().forEach(codePoint -> {
            if (codePoint < 0x20 || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                out.append(String.format("\\u%04x", codePoint));
            } else {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString();
    }

    /**
     * The path's UTF-8 bytes, as stored in git trees.
     *
     * @return a fresh array
     */
    byte[] utf8() {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(value);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
