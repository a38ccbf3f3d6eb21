package dev.reposix.core.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.reposix.api.BackendContext;
import dev.reposix.api.HttpTransport;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.HttpClientTransport;
import dev.reposix.core.http.ProxySettings;
import dev.reposix.core.http.RequestCounters;
import dev.reposix.core.http.TransportOptions;
import dev.reposix.core.provider.ProviderRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * Wires reposix core from what the {@code Reposix} builder collected. Not API: embedders use the
 * builder.
 *
 * <p>Stateless and thread-safe.
 */
public final class CoreModule extends AbstractModule {

    private final CoreConfiguration configuration;

    /**
     * Creates the module.
     *
     * @param configuration what the builder collected
     */
    public CoreModule(CoreConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(CoreConfiguration.class).toInstance(configuration);
        bind(Clock.class).toInstance(configuration.clock());
        bind(RequestCounters.class).in(Singleton.class);
        bind(AuditRouter.class).in(Singleton.class);
        bind(HttpTransport.class).to(HttpClientTransport.class);
    }

    @Provides
    @Singleton
    EgressPolicy egressPolicy() {
        return configuration.egressPolicy().orElseGet(() -> EgressPolicy.fromEnvironment(configuration.environment()));
    }

    @Provides
    @Singleton
    ProviderRegistry providerRegistry() {
        return ProviderRegistry.create(configuration.providers(), configuration.discoveryLoader().orElse(null));
    }

    @Provides
    @Singleton
    HttpClientTransport transport(EgressPolicy policy, RequestCounters counters, Clock clock) {
        Map<String, String> environment = configuration.environment();
        return new HttpClientTransport(policy, ProxySettings.fromEnvironment(environment),
                configuration.transportOptions(), counters, clock);
    }

    @Provides
    @Singleton
    BackendContext backendContext(HttpTransport transport, Clock clock, AuditRouter audit) {
        return new DefaultBackendContext(transport, clock, configuration.progress(), audit);
    }
}
