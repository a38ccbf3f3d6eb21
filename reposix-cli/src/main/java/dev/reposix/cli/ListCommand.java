package dev.reposix.cli;

import dev.reposix.api.Author;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.RecordId;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.RemoteSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reposix list <scheme>::<project>}: every record of a project, without bodies. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {
            "List every record of a project, without bodies.",
            "",
            "List every record of a project (for Confluence: every current page of a space) with its id,",
            "version, parent, last editor and title, without reading bodies. No cap on the number of pages."
        })
final class ListCommand extends SessionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REMOTE", description = "The project, e.g. confluence::ENG or confluence::~jane.")
    String remote;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        RemoteSpec spec = RemoteSpec.parse(remote);
        List<ManifestEntry> manifest;
        try (SourceOfTruth project = reposix().open(spec)) {
            manifest = project.manifest().stream()
                    .sorted(Comparator.comparing(ManifestEntry::title, String.CASE_INSENSITIVE_ORDER)).toList();
        }
        List<RecordView> records = manifest.stream().map(RecordView::of).toList();
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), records);
            return ExitCodes.OK;
        }
        int idWidth = records.stream().mapToInt(record -> record.id().length()).max().orElse(2);
        out().printf("%-" + idWidth + "s  %7s  %-" + idWidth + "s  %-20s  %s%n", "ID", "VERSION", "PARENT", "EDITED BY",
                "TITLE");
        for (RecordView record : records) {
            out().printf("%-" + idWidth + "s  %7d  %-" + idWidth + "s  %-20s  %s%n", record.id(), record.version(),
                    record.parentId() == null ? "-" : record.parentId(), abbreviate(record.editedBy()), record.title());
        }
        out().println(records.size() + " records in " + spec);
        out().flush();
        return ExitCodes.OK;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 19) + "…";
    }

    /** A record as printed: no body, no secret. */
    record RecordView(String id, String kind, String title, String parentId, long version, String status,
            String lastModified, String editedBy) {
        static RecordView of(ManifestEntry entry) {
            return new RecordView(entry.id().value(), entry.kind().name().toLowerCase(Locale.ROOT), entry.title(),
                    entry.parentId().map(RecordId::value).orElse(null), entry.version(),
                    entry.status().name().toLowerCase(Locale.ROOT), entry.lastModified().toString(),
                    entry.lastModifiedBy().map(ListCommand::name).orElse("-"));
        }
    }

    private static String name(Author author) {
        return author.displayName().orElse(author.accountId());
    }
}
