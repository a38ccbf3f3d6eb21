package dev.reposix.simulator.internal.store;

/**
 * The {@code sort} values of the v2 attachment lists ({@code AttachmentSortOrder}): by creation or
 * by the latest version's date, each ending with the attachment id. Immutable, thread-safe.
 */
public enum AttachmentSort implements KeysetOrder<StoredAttachment> {
    CREATED("created-date"), CREATED_DESC("-created-date"),
    MODIFIED("modified-date"), MODIFIED_DESC("-modified-date");

    private final String parameter;

    AttachmentSort(String parameter) {
        this.parameter = parameter;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    /** Parses a query parameter value; 400 for an unknown one. */
    public static AttachmentSort parse(String value) {
        for (AttachmentSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        throw ApiFailure.badRequest("Unsupported sort value: " + value);
    }

    @Override
    public String sortKey(StoredAttachment attachment) {
        return switch (this) {
            case CREATED, CREATED_DESC -> KeysetOrder.instantKey(attachment.createdAt());
            case MODIFIED, MODIFIED_DESC -> KeysetOrder.instantKey(attachment.latest().version().createdAt());
        };
    }

    @Override
    public long id(StoredAttachment attachment) {
        return attachment.id();
    }
}
