package dev.reposix.core.layout;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flat layout: every document at {@code <records folder>/<id>.md}, its parent in the
 * frontmatter. Folders have no file; they are planned as {@code <records folder>/<id>} but never
 * written, since nothing lives inside them. Immutable and thread-safe.
 *
 * @param recordsFolder the records folder, see {@link RecordsFolder#validate(String)}
 */
public record FlatLayout(String recordsFolder) implements Layout {

    /**
     * Validates.
     *
     * @param recordsFolder the records folder
     */
    public FlatLayout {
        RecordsFolder.validate(recordsFolder);
    }

    @Override
    public LayoutKind kind() {
        return LayoutKind.FLAT;
    }

    @Override
    public boolean parentInFrontmatter() {
        return true;
    }

    @Override
    public LayoutPlan plan(List<ManifestEntry> manifest, Optional<RecordId> homepage) {
        Map<RecordId, ManifestEntry> byId = IdOrder.index(manifest);
        NameAllocator names = new NameAllocator();
        List<Placement> placements = new ArrayList<>(byId.size());
        for (ManifestEntry entry : byId.values()) {
            String token = SafeNames.idToken(entry.id());
            String name = token;
            // Only ids differing by case alone (never Confluence's) need the counter.
            for (int attempt = 2; !names.tryClaim(name); attempt++) {
                name = token + SafeNames.ID_MARKER + attempt;
            }
            String path = recordsFolder + "/" + name + (entry.kind() == RecordKind.DOCUMENT ? ".md" : "");
            placements.add(new Placement(entry.id(), entry.kind(), path, Optional.empty()));
        }
        return new LayoutPlan(recordsFolder, placements);
    }
}
