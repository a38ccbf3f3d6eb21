package dev.reposix.core.render;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import dev.reposix.core.layout.Layout;
import dev.reposix.core.layout.SafeNames;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a {@link RecordFile} as YAML frontmatter plus Markdown body, and parses such a file back.
 * Immutable and thread-safe.
 *
 * <p>The rendered form is canonical: keys in the order {@code id}, {@code title}, {@code status},
 * {@code labels} (and {@code parent} in the flat layout), every string double-quoted, labels one per
 * line, a blank line before the body, UTF-8, LF, exactly one trailing newline. {@code status} is
 * always written, {@code current} included, so every file has the same keys and a parsed file
 * renders to itself. Parsing also accepts what a user may reasonably write: plain or single-quoted
 * values, flow lists, comments, CRLF, a byte-order mark, no {@code id} (a new record), no
 * {@code status} (current), no {@code labels}, no {@code title} (taken from the file name), or no
 * frontmatter at all. See docs/reference/file-format.md.
 */
public final class RecordFileCodec {

    /** The largest frontmatter accepted, in characters; real ones are a few hundred. */
    public static final int MAX_FRONTMATTER_CHARS = 64 * 1024;

    static final String ID = "id";
    static final String TITLE = "title";
    static final String STATUS = "status";
    static final String LABELS = "labels";
    static final String PARENT = "parent";
    private static final String DELIMITER = "---";

    private final boolean withParent;
    private final Set<String> keys;

    private RecordFileCodec(boolean withParent) {
        this.withParent = withParent;
        this.keys = withParent ? orderedSet(ID, TITLE, STATUS, LABELS, PARENT) : orderedSet(ID, TITLE, STATUS, LABELS);
    }

    /**
     * The codec for a layout: {@code parent} is a key only where the path does not say it.
     *
     * @param layout the working tree's layout
     * @return the codec
     */
    public static RecordFileCodec forLayout(Layout layout) {
        return new RecordFileCodec(layout.parentInFrontmatter());
    }

    /**
     * The codec of the tree layout (no {@code parent} key).
     *
     * @return the codec
     */
    public static RecordFileCodec tree() {
        return new RecordFileCodec(false);
    }

    /**
     * The codec of the flat layout (with a {@code parent} key).
     *
     * @return the codec
     */
    public static RecordFileCodec flat() {
        return new RecordFileCodec(true);
    }

    /**
     * Renders a file.
     *
     * @param file the content
     * @return the file text
     * @throws IllegalArgumentException if the file has a parent but this layout does not write one
     */
    public String render(RecordFile file) {
        if (file.parent().isPresent() && !withParent) {
            throw new IllegalArgumentException("the tree layout keeps the parent in the path, not in the file");
        }
        StringBuilder text = new StringBuilder(DELIMITER).append('\n');
        file.id().ifPresent(id -> line(text, ID, id.value()));
        line(text, TITLE, file.title());
        line(text, STATUS, file.status().name().toLowerCase(Locale.ROOT));
        text.append(LABELS).append(':');
        if (file.labels().isEmpty()) {
            text.append(" []\n");
        } else {
            text.append('\n');
            file.labels().forEach(label -> text.append("  - ").append(YamlQuoting.quote(label)).append('\n'));
        }
        file.parent().ifPresent(parent -> line(text, PARENT, parent.value()));
        text.append(DELIMITER).append('\n');
        if (!file.body().isEmpty()) {
            text.append('\n').append(file.body());
        }
        return text.toString();
    }

    /**
     * Renders a file as UTF-8 bytes.
     *
     * @param file the content
     * @return the bytes to write
     */
    public byte[] renderBytes(RecordFile file) {
        return render(file).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a file's bytes.
     *
     * @param path the file's path, for messages and as the title of a file without one
     * @param content the bytes
     * @return the content
     * @throws ReposixException (USER) naming the file and line if the file is not UTF-8 or its
     *     frontmatter is malformed, unknown, unsafe or too large
     */
    public RecordFile parse(String path, byte[] content) {
        return parse(path, SourceText.decode(path, content));
    }

    /**
     * Parses a file's text.
     *
     * @param path the file's path, for messages and as the title of a file without one
     * @param content the text
     * @return the content
     * @throws ReposixException (USER) naming the file and line if the frontmatter is malformed,
     *     unknown, unsafe or too large
     */
    public RecordFile parse(String path, String content) {
        String text = SourceText.normalise(content);
        if (!text.startsWith(DELIMITER + "\n")) {
            return build(path, Map.of(), text);
        }
        int yamlStart = DELIMITER.length() + 1;
        int closing = findClosingLine(path, text, yamlStart);
        int afterClosing = text.indexOf('\n', closing);
        String body = afterClosing < 0 ? "" : text.substring(afterClosing + 1);
        Map<String, FrontmatterReader.Field> fields = new FrontmatterReader(path, keys, 1)
                .read(text.substring(yamlStart, closing));
        return build(path, fields, body.startsWith("\n") ? body.substring(1) : body);
    }

    /** Finds the closing {@code ---} line, looking no further than the size cap. */
    private static int findClosingLine(String path, String text, int from) {
        int lineStart = from;
        int limit = Math.min(text.length(), from + MAX_FRONTMATTER_CHARS);
        while (lineStart < limit) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (text.startsWith(DELIMITER, lineStart) && text.substring(lineStart + DELIMITER.length(), end).isBlank()) {
                return lineStart;
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (text.length() - from > MAX_FRONTMATTER_CHARS) {
            throw new ReposixException(RenderErrorCode.FRONTMATTER_TOO_LARGE, path + ":1: no closing --- line within "
                    + MAX_FRONTMATTER_CHARS / 1024 + " KB; close the frontmatter with a line holding only --- and"
                    + " keep long text in the body");
        }
        throw new ReposixException(RenderErrorCode.FRONTMATTER_NOT_CLOSED, path + ":1: the frontmatter opened here"
                + " is never closed; add a line holding only --- after the last key");
    }

    private RecordFile build(String path, Map<String, FrontmatterReader.Field> fields, String body) {
        Optional<RecordId> id = Optional.ofNullable(fields.get(ID)).map(field -> recordId(path, ID, field));
        Optional<RecordId> parent = Optional.ofNullable(fields.get(PARENT)).map(field -> recordId(path, PARENT, field));
        String title = Optional.ofNullable(fields.get(TITLE)).map(field -> (String) field.value())
                .orElseGet(() -> titleFromFileName(path));
        RecordStatus status = Optional.ofNullable(fields.get(STATUS)).map(field -> status(path, field))
                .orElse(RecordStatus.CURRENT);
        @SuppressWarnings("unchecked")
        List<String> labels = Optional.ofNullable(fields.get(LABELS)).map(field -> (List<String>) field.value())
                .orElse(List.of());
        try {
            return new RecordFile(id, title, status, labels, parent, body);
        } catch (IllegalArgumentException invalid) {
            FrontmatterReader.Field culprit = invalid.getMessage().startsWith("title") ? fields.get(TITLE)
                    : fields.get(LABELS);
            throw new ReposixException(RenderErrorCode.FRONTMATTER_INVALID_VALUE,
                    path + ":" + (culprit == null ? 1 : culprit.line()) + ": " + invalid.getMessage(), invalid);
        }
    }

    private static RecordId recordId(String path, String key, FrontmatterReader.Field field) {
        try {
            return RecordId.of((String) field.value());
        } catch (IllegalArgumentException invalid) {
            throw new ReposixException(RenderErrorCode.FRONTMATTER_INVALID_VALUE, path + ":" + field.line() + ": "
                    + key + " is not a valid record id (" + invalid.getMessage() + "); remove the line to create a"
                    + " new record, or restore it with git", invalid);
        }
    }

    private static RecordStatus status(String path, FrontmatterReader.Field field) {
        for (RecordStatus status : RecordStatus.values()) {
            if (status.name().toLowerCase(Locale.ROOT).equals(field.value())) {
                return status;
            }
        }
        throw new ReposixException(RenderErrorCode.FRONTMATTER_INVALID_VALUE, path + ":" + field.line()
                + ": status must be one of \"current\", \"draft\", \"archived\", \"trashed\", not \"" + field.value()
                + "\"");
    }

    /** A file a user created without a title is named after the page: {@code Deploy%2FRollback.md}. */
    private static String titleFromFileName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return SafeNames.title(stem);
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(YamlQuoting.quote(value)).append('\n');
    }

    private static Set<String> orderedSet(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }
}
