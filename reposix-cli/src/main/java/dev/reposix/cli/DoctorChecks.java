package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.core.RemoteSpec;
import dev.reposix.core.RemoteUrl;
import dev.reposix.core.Reposix;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.Origin;
import dev.reposix.core.sync.Workspaces;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code reposix doctor} on one working tree: the tree, its reposix remote, the remote
 * helper, the egress policy, the backend's settings, then the cache ({@link DoctorCacheChecks}).
 * Offline unless asked to open the source of truth. Never prints a setting's value. Not thread-safe.
 */
final class DoctorChecks {

    private final Path directory;
    private final Map<String, String> environment;
    private final Reposix reposix;
    private final GitProbe git = new GitProbe();
    private final List<DoctorFinding> findings = new ArrayList<>();

    DoctorChecks(Path directory, Map<String, String> environment, Reposix reposix) {
        this.directory = directory.toAbsolutePath().normalize();
        this.environment = environment;
        this.reposix = reposix;
    }

    /** Runs every check that applies; a check that others depend on stops the rest when it fails. */
    List<DoctorFinding> run(boolean online) {
        Optional<RemoteSpec> project = tree();
        if (project.isEmpty()) {
            return findings;
        }
        RemoteSpec remote = project.get();
        Optional<ReposixRemote> found = remote(remote);
        helper();
        found.ifPresent(this::egress);
        found.filter(reposixRemote -> remote.scheme().equals("confluence")).ifPresent(this::attachmentDownloads);
        settings(remote);
        found.ifPresent(reposixRemote -> findings.addAll(new DoctorCacheChecks(git, directory,
                reposix.workspaces().cacheOf(remote), reposixRemote.sourceOfTruth()).run()));
        found.filter(ReposixRemote::attached).ifPresent(this::attachedClone);
        if (online) {
            online(remote);
        }
        return findings;
    }

    private Optional<RemoteSpec> tree() {
        GitProbe.Result inside = git.run(directory, "rev-parse", "--is-inside-work-tree");
        if (!inside.succeeded() || !inside.output().strip().equals("true")) {
            findings.add(DoctorFinding.error("tree", directory + " is not a git work tree",
                    "reposix init <scheme>::<project> " + directory + "  (or run reposix doctor inside a working tree)"));
            return Optional.empty();
        }
        try {
            RemoteSpec remote = Workspaces.remoteOf(directory);
            findings.add(DoctorFinding.ok("tree", directory + " is a reposix working tree of " + remote));
            return Optional.of(remote);
        } catch (ReposixException notATree) {
            findings.add(DoctorFinding.error("tree", directory + " has no readable .reposix/config: "
                    + notATree.getMessage(), "reposix attach <scheme>::<project> " + directory
                    + "  (for a clone of a mirror; a tree made by reposix init has it committed: git checkout main)"));
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            findings.add(DoctorFinding.error("tree", directory + " has an unreadable .reposix/config: "
                    + unreadable.getMessage(), "git checkout -- .reposix/config"));
            return Optional.empty();
        }
    }

    /** The remote with a {@code reposix::} URL: origin in a tree made by init, another one in an attached clone. */
    private Optional<ReposixRemote> remote(RemoteSpec project) {
        GitProbe.Result urls = git.run(directory, "config", "--get-regexp", "^remote\\..*\\.url$");
        List<String[]> candidates = new ArrayList<>();
        for (String line : urls.output().split("\n")) {
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[1].startsWith(RemoteUrl.PREFIX)) {
                String name = parts[0].substring("remote.".length(), parts[0].length() - ".url".length());
                candidates.add(new String[] {name, parts[1]});
            }
        }
        if (candidates.isEmpty()) {
            findings.add(DoctorFinding.error("remote", "no remote has a " + RemoteUrl.PREFIX + " URL, so git cannot"
                    + " pull from or push to " + project, "reposix attach " + project + " " + directory));
            return Optional.empty();
        }
        String[] chosen = candidates.stream().filter(candidate -> candidate[0].equals("origin")).findFirst()
                .orElse(candidates.get(0));
        String name = chosen[0];
        String url = chosen[1];
        String printed = url.replaceFirst("://[^/@]*@", "://");
        String suffix = RemoteUrl.of("", project, Optional.empty()).substring(RemoteUrl.PREFIX.length());
        try {
            String base = RemoteUrl.withoutMirror(url).strip().replaceFirst("/+$", "");
            if (!RemoteUrl.names(url, project) || !base.endsWith(suffix)) {
                findings.add(DoctorFinding.error("remote", "the remote '" + name + "' (" + printed + ") does not name "
                        + project + ", the project in .reposix/config", "git remote set-url " + name + " "
                        + RemoteUrl.PREFIX + "<site>" + suffix));
                return Optional.empty();
            }
            String location = base.substring(RemoteUrl.PREFIX.length(), base.length() - suffix.length());
            Origin origin = Origin.of(URI.create(location));
            findings.add(DoctorFinding.ok("remote", "the remote '" + name + "' is " + printed));
            return Optional.of(new ReposixRemote(name, location, origin, RemoteUrl.mirrorOf(url),
                    !name.equals("origin") || RemoteUrl.mirrorOf(url).isPresent()));
        } catch (ReposixException | IllegalArgumentException unparsable) {
            findings.add(DoctorFinding.error("remote", "the URL of the remote '" + name + "' (" + printed
                    + ") cannot be read: " + unparsable.getMessage(), "git remote set-url " + name + " "
                    + RemoteUrl.PREFIX + "<site>" + suffix));
            return Optional.empty();
        }
    }

    private void helper() {
        Optional<Path> onPath = HelperLocation.onPath(environment);
        if (onPath.isPresent()) {
            findings.add(DoctorFinding.ok("helper", RemoteHelper.NAME + " is on PATH in " + onPath.get()));
            return;
        }
        String folder = HelperLocation.find(environment).map(Path::toString).orElse("<reposix>/bin");
        findings.add(DoctorFinding.error("helper", RemoteHelper.NAME + " is not on PATH, so git cannot pull or push"
                + " through a " + RemoteUrl.PREFIX + " remote", "export PATH=\"" + folder + ":$PATH\""));
    }

    private static final URI CLOUD_MEDIA = URI.create("https://api.media.atlassian.com");

    private void egress(ReposixRemote remote) {
        EgressPolicy policy = EgressPolicy.fromEnvironment(environment);
        String variable = EgressPolicy.VARIABLE;
        if (policy.configurationError().isPresent()) {
            findings.add(DoctorFinding.error("egress", policy.configurationError().get(),
                    "export " + variable + "=\"" + remote.origin() + "\""));
        } else if (policy.allows(URI.create(remote.sourceOfTruth()))) {
            findings.add(DoctorFinding.ok("egress", variable + " allows " + remote.origin()));
        } else {
            findings.add(DoctorFinding.error("egress", variable + " (" + policy.configuredValue() + ") does not allow "
                    + remote.origin() + ", so every request to the source of truth is denied",
                    "export " + variable + "=\"" + policy.configuredValue() + "," + remote.origin() + "\""));
        }
    }

    /**
     * Confluence Cloud answers an attachment download with a redirect to its media service, which the
     * egress policy must allow too, or every page's images stay out of the tree.
     */
    private void attachmentDownloads(ReposixRemote remote) {
        String host = URI.create(remote.sourceOfTruth()).getHost();
        EgressPolicy policy = EgressPolicy.fromEnvironment(environment);
        boolean cloud = host != null && (host.endsWith(".atlassian.net") || host.equals("api.atlassian.com"));
        if (!cloud || policy.configurationError().isPresent() || policy.allows(CLOUD_MEDIA)) {
            return;
        }
        findings.add(DoctorFinding.warn("attachments", "Confluence Cloud serves attachment downloads from " + CLOUD_MEDIA
                + ", which " + EgressPolicy.VARIABLE + " does not allow, so syncs cannot download images and files",
                "export " + EgressPolicy.VARIABLE + "=\"" + policy.configuredValue() + "," + CLOUD_MEDIA + "\""));
    }

    private void settings(RemoteSpec remote) {
        List<String> missing;
        try {
            missing = reposix.missingSettings(remote.scheme());
        } catch (ReposixException noBackend) {
            findings.add(DoctorFinding.error("settings", noBackend.getMessage(), "reposix backends"));
            return;
        }
        if (missing.isEmpty()) {
            findings.add(DoctorFinding.ok("settings", "every setting the " + remote.scheme()
                    + " backend needs is set (values not shown)"));
        }
        for (String line : missing) {
            String variable = line.strip().split("\\s+", 2)[0];
            findings.add(DoctorFinding.error("settings", "not set: " + line.strip().replaceAll("\\s{2,}", ": "),
                    "export " + variable + "=<value>"));
        }
    }

    private void attachedClone(ReposixRemote remote) {
        GitProbe.Result pushDefault = git.run(directory, "config", "--get", "remote.pushDefault");
        String current = pushDefault.output().strip();
        if (!pushDefault.succeeded() || current.isEmpty()) {
            findings.add(DoctorFinding.warn("push-default", "remote.pushDefault is not set, so a plain git push goes"
                    + " to the branch's upstream, not to the source of truth",
                    "git config remote.pushDefault " + remote.name()));
        } else if (current.equals(remote.name())) {
            findings.add(DoctorFinding.ok("push-default", "remote.pushDefault is '" + current + "'"));
        } else {
            findings.add(DoctorFinding.warn("push-default", "remote.pushDefault is '" + current + "', so a plain git"
                    + " push does not go to the source of truth", "git config remote.pushDefault " + remote.name()));
        }
        remote.mirror().ifPresent(mirror -> {
            if (git.run(directory, "config", "--get", "remote." + mirror + ".url").succeeded()) {
                findings.add(DoctorFinding.ok("mirror", "the mirror remote '" + mirror + "' exists"));
            } else {
                findings.add(DoctorFinding.error("mirror", "the URL of '" + remote.name() + "' names the mirror remote '"
                        + mirror + "', which does not exist, so pushes cannot update the mirror",
                        "git remote add " + mirror + " <url-of-the-mirror>"));
            }
        });
    }

    private void online(RemoteSpec remote) {
        try (SourceOfTruth opened = reposix.open(remote)) {
            findings.add(DoctorFinding.ok("online", "opened " + remote + " at " + opened.location()
                    + ": the credentials work"));
        } catch (ReposixException failed) {
            findings.add(DoctorFinding.error("online", "cannot open " + remote + ": " + failed.getMessage(),
                    "reposix explain " + failed.errorCode().code()));
        }
    }

    /** The working tree's remote with a {@code reposix::} URL. */
    record ReposixRemote(String name, String sourceOfTruth, Origin origin, Optional<String> mirror, boolean attached) {
    }
}
