package dev.reposix.backend.confluence;

import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.backend.confluence.codec.CodecErrorCode;
import dev.reposix.backend.confluence.internal.ConfluenceHttp;
import dev.reposix.backend.confluence.internal.ConfluenceSite;
import dev.reposix.backend.confluence.internal.ConfluenceSourceOfTruth;
import dev.reposix.backend.confluence.internal.SpaceDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Confluence Cloud backend: scheme {@code confluence}, projects are space keys
 * ({@code confluence::ENG}, {@code confluence::~jane}). Talks REST v2 (v1 for label writes) through
 * the host's egress-checked transport only. Registered for {@link java.util.ServiceLoader}.
 * Thread-safe; no I/O until {@link #open}.
 *
 * @since 0.1
 */
public final class ConfluenceProvider implements SourceOfTruthProvider {

    private static final String CONCURRENCY = "concurrency";
    private static final int DEFAULT_CONCURRENCY = 2;
    private static final int MAX_CONCURRENCY = 16;

    @Override
    public String scheme() {
        return ConfluenceSourceOfTruth.SCHEME;
    }

    @Override
    public String description() {
        return "Confluence Cloud spaces (REST v2)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.required(ConfluenceSite.EMAIL, "ATLASSIAN_EMAIL",
                        "the e-mail of the Atlassian account the API token belongs to"),
                Setting.required(ConfluenceSite.TOKEN, "ATLASSIAN_API_KEY",
                        "an API token from https://id.atlassian.com/manage-profile/security/api-tokens").asSecret(),
                Setting.optional(ConfluenceSite.TENANT, "REPOSIX_CONFLUENCE_TENANT",
                        "your site name: acme for https://acme.atlassian.net"),
                Setting.optional(ConfluenceSite.BASE_URL, "REPOSIX_CONFLUENCE_BASE_URL",
                        "instead of the tenant: the base URL, e.g. https://api.atlassian.com/ex/confluence/<cloudId>"
                                + " for scoped tokens, or a simulator's URL"),
                Setting.optional(CONCURRENCY, "REPOSIX_CONFLUENCE_CONCURRENCY",
                        "how many body requests, attachment downloads and label listings may run at once (1-"
                                + MAX_CONCURRENCY + ", default " + DEFAULT_CONCURRENCY + ")"));
    }

    @Override
    public List<String> missingSettings(Settings settings) {
        if (settings.get(ConfluenceSite.TENANT).isEmpty() && settings.get(ConfluenceSite.BASE_URL).isEmpty()) {
            return List.of("REPOSIX_CONFLUENCE_TENANT or REPOSIX_CONFLUENCE_BASE_URL  your site name (acme for"
                    + " https://acme.atlassian.net), or the base URL");
        }
        return List.of();
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.all().with(Capability.ATTACHMENTS);
    }

    @Override
    public List<ErrorCode> errorCodes() {
        List<ErrorCode> codes = new ArrayList<>(Arrays.asList(ConfluenceErrorCode.values()));
        codes.addAll(Arrays.asList(CodecErrorCode.values()));
        return codes;
    }

    @Override
    public SourceOfTruth open(String project, Settings settings, BackendContext context) {
        ConfluenceHttp http = new ConfluenceHttp(ConfluenceSite.from(settings), context.http());
        int concurrency = concurrency(settings);
        ConfluenceSpace space = new SpaceDirectory(http).require(project);
        return new ConfluenceSourceOfTruth(http, space, context, concurrency);
    }

    /**
     * The spaces the configured account can read.
     *
     * @param settings the resolved settings
     * @param context host services
     * @return the spaces
     */
    public List<ConfluenceSpace> spaces(Settings settings, BackendContext context) {
        return new SpaceDirectory(new ConfluenceHttp(ConfluenceSite.from(settings), context.http())).all();
    }

    private static int concurrency(Settings settings) {
        String value = settings.get(CONCURRENCY).orElse(String.valueOf(DEFAULT_CONCURRENCY)).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= MAX_CONCURRENCY) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the accepted range
        }
        throw new ReposixException(StandardErrorCode.INVALID_SETTING, "REPOSIX_CONFLUENCE_CONCURRENCY='" + value
                + "' must be a whole number from 1 to " + MAX_CONCURRENCY);
    }
}
