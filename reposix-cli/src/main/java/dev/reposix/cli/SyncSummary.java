package dev.reposix.cli;

import dev.reposix.core.AttachmentLimit;
import dev.reposix.core.sync.AttachmentReport;
import dev.reposix.core.sync.SyncReport;
import java.util.List;

/** The words every command uses to say what a sync did. Stateless. */
final class SyncSummary {

    private SyncSummary() {
    }

    /** E.g. {@code 1 created, 2 updated, 0 moved, 0 deleted, 3 attachment files changed in 4 commits}. */
    static String changes(SyncReport report) {
        AttachmentReport files = report.attachments();
        int attachments = files.downloaded() + files.moved() + files.removed();
        return report.created() + " created, " + report.updated() + " updated, " + report.moved() + " moved, "
                + report.deleted() + " deleted" + (attachments == 0 ? "" : ", " + attachments + " attachment file"
                + (attachments == 1 ? "" : "s") + " changed") + " in " + report.commits() + " commits";
    }

    /** One warning per attachment the sync left in the source of truth because of its size. */
    static List<String> tooLarge(SyncReport report) {
        return report.attachments().tooLarge().stream().map(file -> "attachment '" + file.fileName() + "' of page "
                + file.recordId() + " (" + file.size() + " bytes) is larger than " + AttachmentLimit.VARIABLE
                + ", so it was not downloaded; the page links to it in the source of truth: " + file.link()
                + " (raise " + AttachmentLimit.VARIABLE + ", e.g. to 100M, to download it)").toList();
    }
}
