package dev.reposix.api;

/**
 * An optional operation of a {@link SourceOfTruth}. Reading the manifest and record bodies is
 * mandatory; everything here may be absent, in which case the operation throws
 * {@link StandardErrorCode#UNSUPPORTED_OPERATION}.
 *
 * <p>New constants are added at the end as the SPI grows; a backend built against an older API
 * simply does not declare them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum Capability {
    /** {@link SourceOfTruth#create(NewRecord)}. */
    CREATE("creating records"),
    /** {@link SourceOfTruth#update(RecordUpdate)}. */
    UPDATE("updating records"),
    /** {@link SourceOfTruth#delete(RecordId)}. */
    DELETE("deleting records"),
    /** Records carry labels that can be read, and written where {@link #UPDATE} is declared. */
    LABELS("labels"),
    /** Records may have a parent record, and an update may move a record to another parent. */
    HIERARCHY("a record hierarchy (parents and moves)"),
    /**
     * Records carry files ({@link Attachment}s) that can be listed and downloaded, and uploaded and
     * deleted where {@link #UPDATE} is declared.
     */
    ATTACHMENTS("attachments");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /**
     * A short phrase for messages, e.g. {@code "deleting records"}.
     *
     * @return the description
     */
    public String describe() {
        return description;
    }
}
