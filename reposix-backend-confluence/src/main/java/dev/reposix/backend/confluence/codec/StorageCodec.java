package dev.reposix.backend.confluence.codec;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.backend.confluence.codec.internal.MarkdownReader;
import dev.reposix.backend.confluence.codec.internal.MarkdownWriter;
import dev.reposix.backend.confluence.codec.internal.StorageNormalizer;
import dev.reposix.backend.confluence.codec.internal.StorageParser;
import dev.reposix.backend.confluence.codec.internal.Element;

/**
 * Converts Confluence storage XHTML to GitHub-flavoured Markdown and back without loss.
 *
 * <p>Constructs with a Markdown form (headings, paragraphs, emphasis, links, lists, quotes, rules,
 * code, panels as alerts, task lists, page links, attachment images, simple tables) become that
 * form; page links use the neutral {@code reposix:record/<id>} target resolved through the
 * {@link PageDirectory}. Everything else is preserved: a block as a fenced
 * {@code ```confluence-storage} block, inline storage as a {@code <!--confluence ...-->} comment,
 * the start and end of layouts and rich-text macros as {@code <!--confluence-block ...-->} lines
 * around their still-editable content, and complex tables as HTML. Guarantees:
 * {@code toMarkdown(toStorage(md)).equals(md)} for Markdown this codec produced, and
 * {@code toStorage(toMarkdown(s))} is equal to {@code s} after {@link StorageCanonicalizer}.
 *
 * <p>Immutable and thread-safe if its {@link PageDirectory} is.
 */
public final class StorageCodec {

    private final MarkdownReader reader;
    private final MarkdownWriter writer;

    /**
     * Creates a codec.
     *
     * @param pages resolves page links of the current space
     */
    public StorageCodec(PageDirectory pages) {
        requireNonNull(pages, "pages is null");
        this.reader = new MarkdownReader(pages);
        this.writer = new MarkdownWriter(pages, reader);
    }

    /**
     * Converts a storage body to Markdown.
     *
     * @param storage the body in Confluence storage format
     * @return GitHub-flavoured Markdown ending with a newline, or an empty string for an empty body
     * @throws ReposixException {@link CodecErrorCode#MALFORMED_STORAGE} when the body is not
     *     well-formed, naming the line and column
     */
    public String toMarkdown(String storage) {
        requireNonNull(storage, "storage is null");
        Element root = StorageParser.parse(storage);
        StorageNormalizer.normalize(root);
        return writer.write(root);
    }

    /**
     * Converts Markdown to a storage body.
     *
     * @param markdown GitHub-flavoured Markdown
     * @return the body in Confluence storage format
     * @throws ReposixException {@link CodecErrorCode#UNSUPPORTED_MARKDOWN} for a construct Confluence
     *     cannot store, {@link CodecErrorCode#INVALID_MARKDOWN_MARKUP} when raw HTML or preserved
     *     markers do not form valid storage, {@link CodecErrorCode#UNKNOWN_RECORD_LINK} for a link to
     *     a page the directory does not know
     */
    public String toStorage(String markdown) {
        requireNonNull(markdown, "markdown is null");
        String storage = reader.toStorage(markdown);
        try {
            StorageParser.parse(storage);
        } catch (ReposixException invalid) {
            throw new ReposixException(CodecErrorCode.INVALID_MARKDOWN_MARKUP,
                    "the Markdown's raw HTML, <!--confluence ...--> markers or ```confluence-storage blocks do not"
                            + " form valid Confluence storage (" + invalid.getMessage().replaceFirst(";.*$", "")
                            + " of the converted body); restore damaged markers from git (`git diff` shows them)"
                            + " or close the HTML tag, then push again", invalid);
        }
        return storage;
    }
}
