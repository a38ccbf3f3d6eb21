package dev.reposix.api;

import java.util.Optional;

/**
 * The neutral form of a link from one record's body to another record of the same project:
 * {@code reposix:record/<id>}, optionally followed by {@code #anchor}. Backends write links to
 * records in this form when they produce Markdown and accept it when they consume Markdown;
 * reposix core rewrites it to a relative file path in the working tree and back.
 *
 * <p>Example: {@code [Runbook](reposix:record/65537#rollback)}.
 *
 * @since 0.1
 */
public final class RecordLinks {

    /** The prefix every neutral record link starts with. */
    public static final String PREFIX = "reposix:record/";

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
}
