package dev.reposix.testkit;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import java.util.List;
import java.util.Map;

/**
 * A real backend without a server, scheme {@code memory}: projects live in an {@link InMemoryStore},
 * with optimistic versioning and a paged listing. For tests of reposix core and as the reference the
 * contract suite is proven against; not registered for {@link java.util.ServiceLoader}. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryProvider implements SourceOfTruthProvider {

    /** The scheme, {@code memory}. */
    public static final String SCHEME = "memory";

    /** Records per listing page unless configured otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 25;

    /** The name of the optional page-size setting. */
    public static final String PAGE_SIZE_SETTING = "page-size";

    private static final List<Setting> SETTINGS = List.of(Setting.optional(PAGE_SIZE_SETTING,
            "REPOSIX_MEMORY_PAGE_SIZE", "records per listing page (default " + DEFAULT_PAGE_SIZE + ")"));

    private final InMemoryStore store;
    private final Capabilities capabilities;
    private final int pageSize;

    /** A provider with a fresh store, every capability and the default page size. */
    public InMemoryProvider() {
        this(new InMemoryStore(), Capabilities.all().with(Capability.ATTACHMENTS), DEFAULT_PAGE_SIZE);
    }

    /**
     * A provider over a given store.
     *
     * @param store the shared projects
     * @param capabilities the capabilities every opened project declares and honours
     * @param pageSize records per listing page unless the page-size setting says otherwise
     */
    public InMemoryProvider(InMemoryStore store, Capabilities capabilities, int pageSize) {
        this.store = requireNonNull(store, "store is null");
        this.capabilities = requireNonNull(capabilities, "capabilities is null");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * The store behind this provider, for seeding out-of-band.
     *
     * @return the store
     */
    public InMemoryStore store() {
        return store;
    }

    /**
     * The page size used when the setting is absent.
     *
     * @return records per page
     */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public String description() {
        return "in-memory test backend (reposix-testkit)";
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Opens a project with no settings, a shorthand for tests.
     *
     * @param project the project key
     * @param context host services
     * @return the opened project
     */
    public InMemorySourceOfTruth open(String project, BackendContext context) {
        return open(project, Settings.of(SETTINGS, Map.of()), context);
    }

    @Override
    public InMemorySourceOfTruth open(String project, Settings settings, BackendContext context) {
        requireNonNull(project, "project is null");
        requireNonNull(context, "context is null");
        int effectivePageSize = settings.get(PAGE_SIZE_SETTING).map(InMemoryProvider::parsePageSize).orElse(pageSize);
        return new InMemorySourceOfTruth(store.project(project), capabilities, effectivePageSize, context.clock());
    }

    private static int parsePageSize(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the remedy
        }
        throw new ReposixException(StandardErrorCode.INVALID_SETTING,
                "REPOSIX_MEMORY_PAGE_SIZE must be a positive whole number, not '" + value + "'; unset it or fix it");
    }
}
