package dev.reposix.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The neutral form of a link from one record's body to another record of the same project:
 * {@code reposix:record/<id>}, optionally followed by {@code #anchor}. Backends write links to
 * records in this form when they produce Markdown and accept it when they consume Markdown;
 * reposix core rewrites it to a relative file path in the working tree and back.
 *
 * <p>Example: {@code [Runbook](reposix:record/65537#rollback)}.
 *
 * <p>A file attached to the record whose body contains the link is written
 * {@code reposix:attachment/<file name, percent-encoded>}, e.g.
 * {@code ![Diagram](reposix:attachment/deploy%20flow.png)}; reposix rewrites it to the file's
 * path beside the record in the working tree.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RecordLinks {

    /** The prefix every neutral record link starts with. */
    public static final String PREFIX = "reposix:record/";

    /** The prefix every neutral attachment link starts with. */
    public static final String ATTACHMENT_PREFIX = "reposix:attachment/";

    private RecordLinks() {
    }

    /**
     * The neutral link target for a record.
     *
     * @param id the target record
     * @return e.g. {@code reposix:record/65537}
     */
    public static String target(RecordId id) {
        return PREFIX + id.value();
    }

    /**
     * The neutral link target for an anchor inside a record.
     *
     * @param id the target record
     * @param anchor the anchor, without {@code #}
     * @return e.g. {@code reposix:record/65537#rollback}
     */
    public static String target(RecordId id, String anchor) {
        return anchor.isEmpty() ? target(id) : target(id) + "#" + anchor;
    }

    /**
     * The record a link target points at, if it is a neutral record link.
     *
     * @param target a Markdown link target
     * @return the record id, or empty for any other target
     */
    public static Optional<RecordId> recordOf(String target) {
        if (!target.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = target.substring(PREFIX.length());
        int hash = rest.indexOf('#');
        String id = hash < 0 ? rest : rest.substring(0, hash);
        try {
            return Optional.of(RecordId.of(id));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /**
     * The anchor of a neutral record link, if it has one.
     *
     * @param target a Markdown link target
     * @return the anchor without {@code #}, or empty
     */
    public static Optional<String> anchorOf(String target) {
        int hash = target.indexOf('#');
        if (!target.startsWith(PREFIX) || hash < 0 || hash == target.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(target.substring(hash + 1));
    }

    /**
     * The neutral link target for a file attached to the current record.
     *
     * @param fileName the attachment's file name
     * @return e.g. {@code reposix:attachment/deploy%20flow.png}
     */
    public static String attachmentTarget(String fileName) {
        if (fileName.isEmpty()) {
            throw new IllegalArgumentException("attachment file name is empty");
        }
        return ATTACHMENT_PREFIX + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The attachment file name a link target points at, if it is a neutral attachment link.
     *
     * @param target a Markdown link target
     * @return the decoded file name, or empty for any other target
     */
    public static Optional<String> attachmentOf(String target) {
        if (!target.startsWith(ATTACHMENT_PREFIX) || target.length() == ATTACHMENT_PREFIX.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(target.substring(ATTACHMENT_PREFIX.length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
