package dev.reposix.core.layout;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import java.time.Instant;
import java.util.Optional;

/** Builds manifest entries for layout tests. */
final class Manifests {

    private Manifests() {
    }

    static ManifestEntry page(String id, String title) {
        return entry(id, RecordKind.DOCUMENT, title, null);
    }

    static ManifestEntry page(String id, String title, String parent) {
        return entry(id, RecordKind.DOCUMENT, title, parent);
    }

    static ManifestEntry folder(String id, String title, String parent) {
        return entry(id, RecordKind.FOLDER, title, parent);
    }

    static ManifestEntry entry(String id, RecordKind kind, String title, String parent) {
        return new ManifestEntry(RecordId.of(id), kind, title, Optional.ofNullable(parent).map(RecordId::of), 1,
                RecordStatus.CURRENT, Instant.EPOCH, Optional.empty());
    }
}
