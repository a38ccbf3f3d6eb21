package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.Reposix;
import dev.reposix.core.SecretRedactor;
import dev.reposix.core.sync.ServedCache;
import dev.reposix.core.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * The helper's fetch path: builds reposix for the remote URL, brings the cache up to date (at most
 * every {@code REPOSIX_SYNC_MIN_INTERVAL} seconds, never waiting for another process's sync, serving
 * the cached state when a sync fails and there is one), then hands the cache repository to the
 * connection. Errors go to stderr in the CLI's format, redacted. Not thread-safe.
 */
final class FetchService {

    /** Seconds between two syncs of a cache by fetches; 0 syncs on every fetch. */
    static final String MIN_INTERVAL_VARIABLE = "REPOSIX_SYNC_MIN_INTERVAL";
    static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(30);

    // The Confluence backend's base URL setting and its variable: the remote URL's base URL is the
    // user's choice of site, unless the environment names one explicitly (then they must agree).
    private static final String CONFLUENCE = "confluence";
    private static final String BASE_URL_SETTING = "base-url";
    private static final String BASE_URL_VARIABLE = "REPOSIX_CONFLUENCE_BASE_URL";

    private static final String PREFIX = HelperMessages.PREFIX;

    private final CliEnvironment environment;
    private final PrintStream err;

    /** Serves one connection on an up-to-date cache repository. */
    @FunctionalInterface
    interface Connection {
        /**
         * Serves git until it is done.
         *
         * @param repository the cache repository
         * @throws IOException when the conversation breaks off
         */
        void serve(Repository repository) throws IOException;
    }

    FetchService(CliEnvironment environment, PrintStream err) {
        this.environment = environment;
        this.err = err;
    }

    /**
     * Syncs as needed and serves the connection.
     *
     * @param url the URL git passed
     * @param connection what to do with the cache repository
     * @return the exit code
     */
    int serve(String url, Connection connection) {
        List<String> secretLooking = ErrorReporter.secretLookingValues(environment.variables());
        SecretRedactor redactor = SecretRedactor.of(secretLooking);
        try {
            HelperUrl parsed = HelperUrl.parse(url);
            Duration minInterval = minInterval(environment.variables());
            try (Reposix reposix = reposixFor(environment, parsed)) {
                redactor = reposix.redactor().with(secretLooking);
                try (ServedCache served = reposix.workspaces().serve(parsed.remote(), parsed.location(), minInterval)) {
                    explain(served, redactor);
                    connection.serve(served.cache().repository());
                    return ExitCodes.OK;
                }
            }
        } catch (ReposixException failure) {
            return HelperMessages.error(err, failure, redactor);
        } catch (IOException broken) {
            return HelperMessages.brokeOff(err, "fetch", broken, redactor);
        }
    }

    /**
     * reposix for a helper URL: the environment's settings, with the URL's base URL as the Confluence
     * site unless the environment names one.
     */
    static Reposix reposixFor(CliEnvironment environment, HelperUrl url) {
        Map<String, String> variables = environment.variables();
        Reposix.Builder builder = Reposix.builder().environment(variables)
                .discoverProviders(environment.pluginLoader()).progress(StderrProgress.forProcess());
        String fromEnvironment = variables.getOrDefault(BASE_URL_VARIABLE, "");
        if (url.remote().scheme().equals(CONFLUENCE) && fromEnvironment.isBlank()) {
            // with REPOSIX_CONFLUENCE_TENANT set too, the backend reports a disagreement itself; with
            // REPOSIX_CONFLUENCE_BASE_URL set, core compares the opened site with the remote URL
            builder.setting(CONFLUENCE, BASE_URL_SETTING, url.location());
        }
        return builder.build();
    }

    static Duration minInterval(Map<String, String> variables) {
        String value = variables.getOrDefault(MIN_INTERVAL_VARIABLE, "").strip();
        if (value.isEmpty()) {
            return DEFAULT_MIN_INTERVAL;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ReposixException(StandardErrorCode.INVALID_SETTING, MIN_INTERVAL_VARIABLE + "='" + value
                + "' must be a whole number of seconds (0 syncs on every fetch; default "
                + DEFAULT_MIN_INTERVAL.toSeconds() + ")");
    }

    private void explain(ServedCache served, SecretRedactor redactor) {
        String since = served.cache().lastSynced().map(time -> " (last synced " + time + ")").orElse("");
        switch (served.freshness()) {
            case SYNCED:
                served.report().filter(SyncReport::changed).ifPresent(report -> err.println(PREFIX + "synced: "
                        + SyncSummary.changes(report)));
                served.report().ifPresent(report -> SyncSummary.tooLarge(report)
                        .forEach(warning -> err.println(PREFIX + "warning: " + warning)));
                break;
            case BUSY:
                err.println(PREFIX + "another reposix process is syncing this cache; serving the cached state"
                        + since + " without waiting. Fetch again later for newer changes.");
                break;
            case SYNC_FAILED:
                served.failure().ifPresent(failure -> HelperMessages.error(err, failure, redactor));
                err.println(PREFIX + "the sync failed, so this fetch serves the cached state" + since + ".");
                break;
            default:
                break;
        }
        err.flush();
    }
}
