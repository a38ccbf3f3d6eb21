package dev.reposix.core.internal;

import dev.reposix.api.ProgressListener;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.core.http.EgressPolicy;
import dev.reposix.core.http.TransportOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an embedder configured through the {@code Reposix} builder. Immutable. Not API.
 *
 * @param providers explicitly registered providers
 * @param discoveryLoader the class loader to discover providers from, if discovery is on
 * @param environment the environment variables reposix reads
 * @param explicitSettings setting values by scheme and setting name, overriding the environment
 * @param egressPolicy an explicit egress policy instead of the environment's
 * @param transportOptions HTTP timeouts and retries
 * @param clock the clock
 * @param progress where long operations report progress
 * @param lockWait how long a sync waits for the cache lock
 */
public record CoreConfiguration(
        List<SourceOfTruthProvider> providers,
        Optional<ClassLoader> discoveryLoader,
        Map<String, String> environment,
        Map<String, Map<String, String>> explicitSettings,
        Optional<EgressPolicy> egressPolicy,
        TransportOptions transportOptions,
        Clock clock,
        ProgressListener progress,
        Duration lockWait) {

    /**
     * Copies.
     *
     * @param providers the providers
     * @param discoveryLoader the loader
     * @param environment the environment
     * @param explicitSettings the explicit settings
     * @param egressPolicy the egress policy
     * @param transportOptions the transport options
     * @param clock the clock
     * @param progress the progress listener
     * @param lockWait the lock wait
     */
    public CoreConfiguration {
        providers = List.copyOf(providers);
        environment = Map.copyOf(environment);
        explicitSettings = Map.copyOf(explicitSettings);
    }
}
