package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import java.util.Map;
import java.util.Set;

/** Edits made "in Confluence" for end-to-end tests: REST writes as the account the environment names. Stateless. */
final class ConfluenceEdits {

    private ConfluenceEdits() {
    }

    /** Replaces the body of the page titled {@code title} in {@code space}, keeping everything else. */
    static void replaceBody(Map<String, String> environment, String space, String title, String body) {
        try (Reposix browser = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
             SourceOfTruth source = browser.open(new RemoteSpec("confluence", space))) {
            ManifestEntry entry = source.manifest().stream().filter(candidate -> candidate.title().equals(title))
                    .findFirst().orElseThrow();
            Record current = source.readRecord(entry.id()).orElseThrow();
            UpdateOutcome outcome = source.update(new RecordUpdate(current.id(), current.entry().version(),
                    current.entry().title(), current.entry().parentId(), body, Set.of(), Set.of()));
            assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
        }
    }
}
