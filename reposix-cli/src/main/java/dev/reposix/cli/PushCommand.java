package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.push.PlannedWrite;
import dev.reposix.core.push.PushPlan;
import dev.reposix.core.push.PushPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reposix push --dry-run [dir]}: what {@code git push} of the current branch would do
 * (git's own {@code push --dry-run} never reaches the remote helper, so it cannot tell).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {
            "Preview what `git push` would write to the source of truth (--dry-run).",
            "",
            "Show what `git push` of the current branch would do to the source of truth: pages created,",
            "updated (content, title, move, labels, status) and deleted, attachments uploaded and deleted,",
            "and the pages and attachments that would make it",
            "fail with `fetch first` because someone changed them in Confluence. Reads the source of truth,",
            "writes nothing. To push for real, run `git push`."
        })
final class PushCommand extends SessionCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Required: only show what a push would do.")
    boolean dryRun;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "The working tree (default: .).")
    Path directory;

    @Override
    public Integer call() {
        if (!dryRun) {
            throw new ReposixException(StandardErrorCode.INVALID_SETTING, "reposix push only previews a push; run"
                    + " `reposix push --dry-run` to see what would happen, or `git push` to push");
        }
        PushPreview preview = reposix().pushes().preview(directory);
        PrintWriter out = out();
        if (preview.refusal().isPresent()) {
            out.println("A push would be refused: " + preview.refusal().get());
            out.flush();
            return ExitCodes.USER;
        }
        PushPlan plan = preview.plan().orElseThrow();
        if (plan.isEmpty()) {
            out.println("Nothing to push: no page or attachment changed since the last sync or push.");
        }
        plan.creates().forEach(create -> out.println("create  " + create.path() + "  \"" + create.file().title() + "\""));
        plan.updates().forEach(update -> out.println("update  " + update.path() + "  " + String.join(", ", changes(update))));
        plan.uploads().forEach(upload -> out.println("upload  " + upload.path() + "  \"" + upload.fileName() + "\" to "
                + upload.pagePath() + (upload.base().isPresent() ? " (new version)" : "") + ", " + upload.size()
                + " bytes"));
        plan.attachmentDeletes().forEach(delete -> out.println("delete attachment  " + delete.path() + "  \""
                + delete.base().fileName() + "\" from " + delete.pagePath()));
        plan.deletes().forEach(delete -> out.println("delete  " + delete.path() + "  (page " + delete.id().value() + ")"));
        preview.conflicts().forEach(conflict -> out.println("conflict  " + conflict));
        if (!preview.conflicts().isEmpty()) {
            out.println("A push would be rejected (fetch first); run `git pull --rebase` first.");
        }
        out.flush();
        return preview.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.CONFLICT;
    }

    private static List<String> changes(PlannedWrite.Update update) {
        List<String> changes = new ArrayList<>();
        if (!update.file().title().equals(update.base().title())) {
            changes.add("title \"" + update.base().title() + "\" -> \"" + update.file().title() + "\"");
        }
        if (update.moved()) {
            changes.add("moved");
        }
        update.labelsToAdd().forEach(label -> changes.add("+label " + label));
        update.labelsToRemove().forEach(label -> changes.add("-label " + label));
        update.status().ifPresent(status -> changes.add("status " + status.name().toLowerCase()));
        if (changes.isEmpty()) {
            changes.add("content");
        }
        return changes;
    }
}
