package dev.reposix.core;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.BackendContext;
import dev.reposix.api.ProgressListener;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.HttpClientTransport;
import dev.reposix.core.http.ProxySettings;
import dev.reposix.core.http.RequestCounters;
import dev.reposix.core.http.TransportOptions;
import dev.reposix.core.internal.AuditRouter;
import dev.reposix.core.internal.CoreConfiguration;
import dev.reposix.core.internal.DefaultBackendContext;
import dev.reposix.core.provider.ProviderLoadProblem;
import dev.reposix.core.provider.ProviderRegistry;
import dev.reposix.core.push.Pushes;
import dev.reposix.core.sync.SyncEngine;
import dev.reposix.core.sync.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point for embedders and the CLI: everything reposix does starts here. Build one with
 * {@link #builder()}, register backends explicitly (or turn on discovery), and close it when done
 * to release HTTP connections. No globals: two instances never share state. Thread-safe.
 *
 * <pre>{@code
 * try (Reposix reposix = Reposix.builder()
 *         .provider(new ConfluenceProvider())
 *         .environment(System.getenv())
 *         .build();
 *      SourceOfTruth space = reposix.open(RemoteSpec.parse("confluence::ENG"))) {
 *     space.manifest().forEach(System.out::println);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Reposix implements AutoCloseable {

    private final CoreConfiguration configuration;
    private final ProviderRegistry registry;
    private final EgressPolicy egressPolicy;
    private final HttpClientTransport transport;
    private final BackendContext backendContext;
    private final AuditRouter audit;

    /**
     * Wires the core from what the builder collected: plain constructors, in dependency order. (A
     * dependency-injection container did this for six objects and cost about 0.1 s at every start.)
     */
    private Reposix(CoreConfiguration configuration) {
        this.configuration = configuration;
        this.egressPolicy = configuration.egressPolicy()
                .orElseGet(() -> EgressPolicy.fromEnvironment(configuration.environment()));
        this.registry = ProviderRegistry.create(configuration.providers(),
                configuration.discoveryLoader().orElse(null));
        this.audit = new AuditRouter();
        this.transport = new HttpClientTransport(egressPolicy,
                ProxySettings.fromEnvironment(configuration.environment()), configuration.transportOptions(),
                new RequestCounters(), configuration.clock());
        this.backendContext = new DefaultBackendContext(transport, configuration.clock(), configuration.progress(),
                audit);
    }

    /**
     * A builder with no providers, an empty environment (so loopback-only egress) and the system
     * clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The loaded backends, sorted by scheme.
     *
     * @return the providers
     */
    public List<SourceOfTruthProvider> providers() {
        return registry.providers();
    }

    /**
     * Backends found on the class path that failed to load.
     *
     * @return the problems, empty when all loaded
     */
    public List<ProviderLoadProblem> providerProblems() {
        return registry.problems();
    }

    /**
     * Every error code reposix and the loaded backends can report.
     *
     * @return the catalog
     */
    public ErrorCatalog errorCatalog() {
        return ErrorCatalog.of(registry.providers());
    }

    /**
     * Opens a project: resolves the backend's settings (reporting all missing ones at once) and
     * hands it the egress-checked transport.
     *
     * @param remote the remote, e.g. {@code confluence::ENG}
     * @return the opened project; close it when done
     * @throws ReposixException for an unknown scheme, missing or invalid settings, or a backend that
     *     cannot reach its source of truth
     */
    public SourceOfTruth open(RemoteSpec remote) {
        SourceOfTruthProvider provider = registry.require(remote.scheme());
        Settings settings = SettingsResolver.resolve(provider, configuration.environment(),
                configuration.explicitSettings().getOrDefault(remote.scheme(), Map.of()));
        try {
            SourceOfTruth opened = provider.open(remote.project(), settings, backendContext);
            if (opened == null) {
                throw new ReposixException(StandardErrorCode.BACKEND_FAILURE,
                        provider.getClass().getName() + ".open returned null");
            }
            return opened;
        } catch (ReposixException expected) {
            throw expected;
        } catch (RuntimeException bug) {
            throw new ReposixException(StandardErrorCode.BACKEND_FAILURE, "the " + remote.scheme()
                    + " backend failed to open " + remote.project() + ": " + redactor().redact(bug.toString()), bug);
        }
    }

    /**
     * Caches and working trees: sync a remote's cache, create a working tree, update one.
     *
     * @return the workspaces service, using this instance's backends and environment
     */
    public Workspaces workspaces() {
        return new Workspaces(configuration.environment(), this::open,
                new SyncEngine(configuration.clock(), configuration.lockWait(),
                        AttachmentLimit.fromEnvironment(configuration.environment())));
    }

    /**
     * Pushes: the receiving end of {@code git push} to a source of truth.
     *
     * @return the push service, using this instance's backends and environment
     */
    public Pushes pushes() {
        return new Pushes(configuration.environment(), this::open, configuration.clock(), configuration.lockWait(),
                audit, AttachmentLimit.fromEnvironment(configuration.environment()));
    }

    /**
     * Runs backend-specific work that needs no project, such as listing the spaces an account can
     * read: resolves the backend's settings (all missing ones in one error) and hands them over with
     * the egress-checked context.
     *
     * @param scheme the backend's scheme
     * @param call the work
     * @param <T> the result type
     * @return what the work returned
     */
    public <T> T withBackend(String scheme, BackendCall<T> call) {
        SourceOfTruthProvider provider = registry.require(scheme);
        Settings settings = SettingsResolver.resolve(provider, configuration.environment(),
                configuration.explicitSettings().getOrDefault(scheme, Map.of()));
        return call.call(provider, settings, backendContext);
    }

    /**
     * The settings a backend still needs, without opening anything: one line per missing setting,
     * naming its environment variable and where to get a value; never a value. {@code reposix doctor}
     * uses it.
     *
     * @param scheme the backend's scheme
     * @return the lines, empty when every required setting is present
     * @throws ReposixException if no backend has the scheme
     * @since 0.1
     */
    public List<String> missingSettings(String scheme) {
        SourceOfTruthProvider provider = registry.require(scheme);
        return SettingsResolver.missing(provider, configuration.environment(),
                configuration.explicitSettings().getOrDefault(scheme, Map.of()));
    }

    /**
     * Backend-specific work for {@link #withBackend}.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface BackendCall<T> {
        /**
         * Does the work.
         *
         * @param provider the backend
         * @param settings its resolved settings
         * @param context host services
         * @return the result
         */
        T call(SourceOfTruthProvider provider, Settings settings, BackendContext context);
    }

    /**
     * Masks the secret setting values of every loaded backend; the CLI passes every message it
     * prints through it.
     *
     * @return the redactor
     */
    public SecretRedactor redactor() {
        List<String> secrets = new ArrayList<>();
        for (SourceOfTruthProvider provider : registry.providers()) {
            Map<String, String> explicit = configuration.explicitSettings().getOrDefault(provider.scheme(), Map.of());
            for (Setting setting : provider.settings()) {
                if (setting.secret()) {
                    secrets.add(configuration.environment().get(setting.environmentVariable()));
                    secrets.add(explicit.get(setting.name()));
                }
            }
        }
        return SecretRedactor.of(secrets);
    }

    /**
     * The egress policy in force.
     *
     * @return the policy
     */
    public EgressPolicy egressPolicy() {
        return egressPolicy;
    }

    /**
     * Requests sent so far, per endpoint; for benchmarks and tests.
     *
     * @return the counters
     */
    public RequestCounters requestCounters() {
        return transport.counters();
    }

    /** Releases HTTP connections. */
    @Override
    public void close() {
        transport.close();
    }

    /** Configures a {@link Reposix}; not thread-safe. */
    public static final class Builder {
        private final List<SourceOfTruthProvider> providers = new ArrayList<>();
        private final Map<String, Map<String, String>> explicitSettings = new HashMap<>();
        private ClassLoader discoveryLoader;
        private Map<String, String> environment = Map.of();
        private EgressPolicy egressPolicy;
        private TransportOptions transportOptions = TransportOptions.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private ProgressListener progress = ProgressListener.NONE;
        private Duration lockWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Registers a backend explicitly.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder provider(SourceOfTruthProvider provider) {
            providers.add(requireNonNull(provider, "provider is null"));
            return this;
        }

        /**
         * Also registers the backends that {@code META-INF/services} files on a class loader name.
         *
         * @param loader the class loader to search
         * @return this builder
         */
        public Builder discoverProviders(ClassLoader loader) {
            this.discoveryLoader = requireNonNull(loader, "loader is null");
            return this;
        }

        /**
         * The environment variables to read settings, the egress policy and proxies from (the CLI
         * passes {@link System#getenv()}); empty by default.
         *
         * @param variables the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(requireNonNull(variables, "variables is null"));
            return this;
        }

        /**
         * Sets a backend's setting directly, overriding its environment variable.
         *
         * @param scheme the backend's scheme
         * @param name the setting's name (not its variable)
         * @param value the value
         * @return this builder
         */
        public Builder setting(String scheme, String name, String value) {
            explicitSettings.computeIfAbsent(scheme, key -> new HashMap<>())
                    .put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /**
         * Uses this egress policy instead of {@code REPOSIX_ALLOWED_ORIGINS}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder egressPolicy(EgressPolicy policy) {
            this.egressPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /**
         * HTTP timeouts and retry limits.
         *
         * @param options the options
         * @return this builder
         */
        public Builder transportOptions(TransportOptions options) {
            this.transportOptions = requireNonNull(options, "options is null");
            return this;
        }

        /**
         * The clock (tests use a fixed one).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Where long operations (listing, fetching) report progress; none by default.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = requireNonNull(listener, "listener is null");
            return this;
        }

        /**
         * How long a sync waits for another sync of the same cache to finish (default 60 s).
         *
         * @param value the longest wait
         * @return this builder
         */
        public Builder lockWait(Duration value) {
            this.lockWait = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * Builds the instance; discovers providers now if asked to.
         *
         * @return the instance
         * @throws ReposixException {@link CoreErrorCode#DUPLICATE_SCHEME} when two providers claim a scheme
         */
        public Reposix build() {
            Map<String, Map<String, String>> settingsCopy = new HashMap<>();
            explicitSettings.forEach((scheme, values) -> settingsCopy.put(scheme, Map.copyOf(values)));
            CoreConfiguration configuration = new CoreConfiguration(providers, Optional.ofNullable(discoveryLoader),
                    environment, settingsCopy, Optional.ofNullable(egressPolicy), transportOptions, clock, progress, lockWait);
            return new Reposix(configuration);
        }
    }
}
