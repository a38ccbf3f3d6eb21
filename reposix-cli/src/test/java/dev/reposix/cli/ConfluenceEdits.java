package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.Attachment;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.UpdateOutcome;
import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.Reposix;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Edits made "in Confluence" for end-to-end tests: REST writes as the account the environment names
 * (it must name the site, e.g. with {@code REPOSIX_CONFLUENCE_BASE_URL}), as another editor would
 * make them in Confluence's editor. Stateless.
 */
final class ConfluenceEdits {

    private ConfluenceEdits() {
    }

    /** Replaces the body of the page titled {@code title} in {@code space}, keeping everything else. */
    static void replaceBody(Map<String, String> environment, String space, String title, String body) {
        editBody(environment, space, title, current -> body);
    }

    /** Changes the body (Markdown, neutral links) of the page titled {@code title}, keeping everything else. */
    static void editBody(Map<String, String> environment, String space, String title, UnaryOperator<String> change) {
        edit(environment, space, title, current -> new Record(current.entry(), current.labels(),
                change.apply(current.body())));
    }

    /** Saves a new version of the page titled {@code title} with the title, parent and body {@code change} gives. */
    static void edit(Map<String, String> environment, String space, String title, UnaryOperator<Record> change) {
        update(environment, space, title, (source, current) -> {
            Record wanted = change.apply(current);
            return new RecordUpdate(current.id(), current.entry().version(), wanted.entry().title(),
                    wanted.entry().parentId(), wanted.body(), Set.of(), Set.of());
        });
    }

    /** Adds a label to the page titled {@code title} (Confluence makes no new version for it). */
    static void addLabel(Map<String, String> environment, String space, String title, String label) {
        update(environment, space, title, (source, current) -> new RecordUpdate(current.id(),
                current.entry().version(), current.entry().title(), current.entry().parentId(), current.body(),
                Set.of(label), Set.of()));
    }

    /** Moves the page titled {@code title} to the trash. */
    static void delete(Map<String, String> environment, String space, String title) {
        withSpace(environment, space, source -> source.delete(idOf(source, title)));
    }

    /** Uploads {@code content} as {@code fileName} to the page titled {@code title}: a new attachment or a new version. */
    static void upload(Map<String, String> environment, String space, String title, String fileName, byte[] content) {
        withSpace(environment, space, source -> source.writeAttachment(idOf(source, title), fileName, "image/png",
                content, "uploaded in the browser"));
    }

    /** Deletes the attachment {@code fileName} of the page titled {@code title}. */
    static void deleteAttachment(Map<String, String> environment, String space, String title, String fileName) {
        withSpace(environment, space, source -> source.deleteAttachment(attachment(environment, source, title, fileName)));
    }

    /** The bytes of the attachment {@code fileName} of the page titled {@code title}, downloaded as a browser would. */
    static byte[] download(Map<String, String> environment, String space, String title, String fileName) {
        byte[][] found = new byte[1][];
        withSpace(environment, space, source -> found[0] = source.readAttachment(
                attachment(environment, source, title, fileName), Long.MAX_VALUE));
        return found[0];
    }

    private static Attachment attachment(Map<String, String> environment, SourceOfTruth source, String title,
            String fileName) {
        RecordId page = idOf(source, title);
        return source.attachments(java.util.List.of(page)).getOrDefault(page, java.util.List.of()).stream()
                .filter(file -> file.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + fileName + " on " + title));
    }

    private static void update(Map<String, String> environment, String space, String title,
            BiFunction<SourceOfTruth, Record, RecordUpdate> request) {
        withSpace(environment, space, source -> {
            Record current = source.readRecord(idOf(source, title)).orElseThrow();
            UpdateOutcome outcome = source.update(request.apply(source, current));
            assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
        });
    }

    private static void withSpace(Map<String, String> environment, String space, Consumer<SourceOfTruth> work) {
        try (Reposix browser = Reposix.builder().provider(new ConfluenceProvider()).environment(environment).build();
             SourceOfTruth source = browser.open(new RemoteSpec("confluence", space))) {
            work.accept(source);
        }
    }

    private static RecordId idOf(SourceOfTruth source, String title) {
        return source.manifest().stream().filter(candidate -> candidate.title().equals(title))
                .map(ManifestEntry::id).findFirst().orElseThrow(() -> new AssertionError("no page titled " + title));
    }
}
