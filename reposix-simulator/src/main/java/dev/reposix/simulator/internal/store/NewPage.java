package dev.reposix.simulator.internal.store;

import java.util.Objects;
import java.util.Optional;

/** A create-page request after parsing. Immutable. */
public record NewPage(long spaceId, String title, Optional<Long> parentId, boolean rootLevel, String status,
                      String body) {
    /** Validates the request. */
    public NewPage {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(parentId, "parentId is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(body, "body is null");
    }
}
