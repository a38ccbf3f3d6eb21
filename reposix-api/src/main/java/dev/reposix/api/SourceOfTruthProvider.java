package dev.reposix.api;

import java.util.List;

/**
 * The entry point of a backend: names its scheme and settings and opens projects. Registered
 * explicitly with the {@code Reposix} builder, or discovered by the CLI through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.reposix.api.SourceOfTruthProvider}).
 *
 * <p>Implementations need a public no-argument constructor for discovery, must be cheap to
 * construct (no I/O until {@link #open}) and thread-safe.
 *
 * @since 0.1
 */
public interface SourceOfTruthProvider {

    /**
     * The scheme in remote specs such as {@code confluence::SPACE}: lower case letters, digits and
     * {@code -}, starting with a letter.
     *
     * @return the scheme
     */
    String scheme();

    /**
     * A one-line description for {@code reposix backends}.
     *
     * @return the description
     */
    default String description() {
        return scheme() + " backend";
    }

    /**
     * The settings this backend reads; reposix resolves them and reports all missing required ones
     * in one error before {@link #open} is called.
     *
     * @return the settings
     */
    List<Setting> settings();

    /**
     * Settings that are missing although none is required on its own, such as "one of A or B":
     * each entry is one line naming the variables and where to get a value. reposix reports them in
     * the same error as the missing required settings, so a user sees everything at once.
     *
     * @param settings the settings resolved so far
     * @return lines describing what is missing, empty when nothing is
     */
    default List<String> missingSettings(Settings settings) {
        return List.of();
    }

    /**
     * The optional operations projects of this backend support.
     *
     * @return the capabilities
     */
    Capabilities capabilities();

    /**
     * The backend's own error codes (range 9xxx for third parties), so that
     * {@code reposix explain} can describe them.
     *
     * @return the error codes, possibly empty
     */
    default List<ErrorCode> errorCodes() {
        return List.of();
    }

    /**
     * Opens one project. Outbound HTTP must go through {@link BackendContext#http()}, which enforces
     * the egress policy.
     *
     * @param project the project key, e.g. a Confluence space key such as {@code ENG} or {@code ~jane}
     * @param settings the resolved settings (required ones are present)
     * @param context host services: HTTP, clock, audit
     * @return the opened project
     * @throws ReposixException {@link StandardErrorCode#INVALID_SETTING} for unusable settings; an
     *     external error when the source of truth cannot be reached
     */
    SourceOfTruth open(String project, Settings settings, BackendContext context);
}
