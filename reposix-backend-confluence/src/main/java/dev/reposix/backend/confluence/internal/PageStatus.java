package dev.reposix.backend.confluence.internal;

import dev.reposix.api.RecordStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Confluence content statuses to {@link RecordStatus} and back: {@code current}, {@code draft},
 * {@code archived} and {@code trashed} map one to one. Other values ({@code deleted},
 * {@code historical}, anything new) have no record status; such pages are left out rather than
 * coerced into a status they do not have.
 */
final class PageStatus {

    private PageStatus() {
    }

    static Optional<RecordStatus> toRecordStatus(String confluenceStatus) {
        switch (confluenceStatus.toLowerCase(Locale.ROOT)) {
            case "current":
                return Optional.of(RecordStatus.CURRENT);
            case "draft":
                return Optional.of(RecordStatus.DRAFT);
            case "archived":
                return Optional.of(RecordStatus.ARCHIVED);
            case "trashed":
                return Optional.of(RecordStatus.TRASHED);
            default:
                return Optional.empty();
        }
    }

    static String toConfluence(RecordStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a page update ({@code PUT /pages/{id}}) may set this Confluence status: its request
     * accepts only {@code current} and {@code draft}. Archiving has its own endpoint and trashing is
     * a delete.
     */
    static boolean updatable(String confluenceStatus) {
        return confluenceStatus.equals("current") || confluenceStatus.equals("draft");
    }
}
