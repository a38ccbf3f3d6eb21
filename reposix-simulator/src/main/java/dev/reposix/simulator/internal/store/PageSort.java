package dev.reposix.simulator.internal.store;

/**
 * The {@code sort} values of the v2 page lists. Every order ends with the page id, so the order
 * is total and a keyset cursor is exact. Immutable, thread-safe.
 */
public enum PageSort implements KeysetOrder<StoredPage> {
    ID("id"), ID_DESC("-id"), TITLE("title"), TITLE_DESC("-title"),
    CREATED("created-date"), CREATED_DESC("-created-date"),
    MODIFIED("modified-date"), MODIFIED_DESC("-modified-date");

    private final String parameter;

    PageSort(String parameter) {
        this.parameter = parameter;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    /** Parses a query parameter value; 400 for an unknown one. */
    public static PageSort parse(String value) {
        for (PageSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        throw ApiFailure.badRequest("Unsupported sort value: " + value);
    }

    @Override
    public String sortKey(StoredPage page) {
        return switch (this) {
            case ID, ID_DESC -> Long.toString(page.id());
            case TITLE, TITLE_DESC -> page.title();
            case CREATED, CREATED_DESC -> KeysetOrder.instantKey(page.createdAt());
            case MODIFIED, MODIFIED_DESC -> KeysetOrder.instantKey(page.version().createdAt());
        };
    }

    @Override
    public long id(StoredPage page) {
        return page.id();
    }

    @Override
    public boolean numericKey() {
        return this != TITLE && this != TITLE_DESC;
    }
}
