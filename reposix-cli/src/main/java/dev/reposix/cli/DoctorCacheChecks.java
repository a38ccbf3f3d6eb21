package dev.reposix.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.ReposixException;
import dev.reposix.core.push.AuditLog;
import dev.reposix.core.push.Pushes;
import dev.reposix.git.Cache;
import dev.reposix.git.CacheLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cache checks of {@code reposix doctor}: it exists, is a reposix cache of the remote's source of
 * truth with a {@code main}, {@code git fsck} finds nothing, no push was interrupted, and the audit
 * log reads. Read-only: it never creates the cache. Not thread-safe.
 */
final class DoctorCacheChecks {

    private static final String SYNC_REQUESTED = "sync-requested";
    private static final int SHOWN_PROBLEMS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitProbe git;
    private final Path tree;
    private final CacheLocation location;
    private final String sourceOfTruth;
    private final List<DoctorFinding> findings = new ArrayList<>();

    DoctorCacheChecks(GitProbe git, Path tree, CacheLocation location, String sourceOfTruth) {
        this.git = git;
        this.tree = tree;
        this.location = location;
        this.sourceOfTruth = sourceOfTruth;
    }

    List<DoctorFinding> run() {
        Path directory = location.directory();
        String rebuild = "reposix sync " + tree;
        if (!Files.isDirectory(directory)) {
            findings.add(DoctorFinding.error("cache", "the cache " + directory + " does not exist (removed, or "
                    + CacheLocation.CACHE_DIR_VARIABLE + " points elsewhere than when the tree was made)", rebuild));
            return findings;
        }
        try (Cache cache = Cache.open(location, sourceOfTruth)) {
            if (cache.main().isEmpty()) {
                findings.add(DoctorFinding.error("cache", "the cache " + directory + " has no main branch", rebuild));
            } else {
                findings.add(DoctorFinding.ok("cache", "the cache " + directory + " serves " + sourceOfTruth));
            }
        } catch (ReposixException invalid) {
            findings.add(DoctorFinding.error("cache", invalid.getMessage(), "mv " + directory + " " + directory
                    + ".broken && " + rebuild));
            return findings;
        }
        fsck(directory, rebuild);
        journal(directory);
        audit(directory.resolve(AuditLog.FILE_NAME));
        return findings;
    }

    private void fsck(Path directory, String rebuild) {
        GitProbe.Result fsck = git.run(directory, "--git-dir=" + directory, "fsck", "--strict", "--no-progress",
                "--no-dangling");
        if (fsck.succeeded()) {
            findings.add(DoctorFinding.ok("fsck", "git fsck --strict finds no problem in the cache"));
            return;
        }
        List<String> lines = fsck.output().lines().filter(line -> !line.isBlank()).toList();
        String shown = lines.stream().limit(SHOWN_PROBLEMS).collect(Collectors.joining("; "));
        findings.add(DoctorFinding.error("fsck", "git fsck --strict found " + lines.size() + " problem line(s) in the"
                + " cache: " + shown + (lines.size() > SHOWN_PROBLEMS ? "; ..." : ""),
                "mv " + directory + " " + directory + ".broken && " + rebuild));
    }

    private void journal(Path directory) {
        if (Files.exists(directory.resolve(Pushes.JOURNAL_FILE))) {
            findings.add(DoctorFinding.error("push-journal", "a push was interrupted (" + Pushes.JOURNAL_FILE
                    + " is still in the cache): some of its pages may be written in the source of truth, others not",
                    "reposix push --dry-run, then git push again: the next push re-checks the pages involved and"
                            + " writes only the rest"));
        } else {
            findings.add(DoctorFinding.ok("push-journal", "no interrupted push"));
        }
        if (Files.exists(directory.resolve(SYNC_REQUESTED))) {
            findings.add(DoctorFinding.warn("sync-requested", "a push was rejected because the source of truth"
                    + " changed, and no sync has happened since", "git pull --rebase  (or: reposix sync " + tree + ")"));
        }
    }

    private void audit(Path log) {
        if (!Files.exists(log)) {
            findings.add(DoctorFinding.info("audit", "no audit log yet (" + log + "): nothing was pushed from this"
                    + " cache"));
            return;
        }
        String text;
        try {
            text = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            findings.add(DoctorFinding.error("audit", "cannot read the audit log " + log + ": "
                    + unreadable.getMessage(), "chmod u+r " + log));
            return;
        }
        boolean complete = text.isEmpty() || text.endsWith("\n");
        List<String> lines = text.lines().toList();
        List<Integer> broken = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            boolean last = index == lines.size() - 1;
            if (!lines.get(index).isBlank() && !(last && !complete) && !parses(lines.get(index))) {
                broken.add(index + 1);
            }
        }
        if (!broken.isEmpty()) {
            findings.add(DoctorFinding.error("audit", "the audit log " + log + " has " + broken.size()
                    + " line(s) that are not JSON: line " + broken.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")), "sed -n '" + broken.get(0) + "p' " + log
                    + "  (inspect it; reposix only ever appends, so something else wrote there)"));
            return;
        }
        int records = (int) lines.stream().filter(line -> !line.isBlank()).count();
        if (!complete) {
            boolean lastParses = parses(lines.get(lines.size() - 1));
            findings.add(DoctorFinding.warn("audit", "the audit log " + log + " ends in a partial line (line "
                    + lines.size() + (lastParses ? ", no newline" : ", cut off") + "), left by an interrupted write;"
                    + " readers skip it and the next record starts on a line of its own", "nothing to do"));
            return;
        }
        findings.add(DoctorFinding.ok("audit", "the audit log holds " + records + " record(s), every one JSON"));
    }

    private static boolean parses(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }
}
