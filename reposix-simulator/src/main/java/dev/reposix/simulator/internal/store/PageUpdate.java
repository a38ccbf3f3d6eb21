package dev.reposix.simulator.internal.store;

import java.util.Objects;
import java.util.Optional;

/** An update-page request after parsing; empty optionals keep the current value. Immutable. */
public record PageUpdate(String title, String status, Optional<Long> parentId, Optional<String> body,
                         int versionNumber, String versionMessage, boolean minorEdit) {
    /** Validates the request. */
    public PageUpdate {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(parentId, "parentId is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(versionMessage, "versionMessage is null");
    }
}
