package dev.reposix.core.http;

import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes requests through the proxy that {@link ProxySettings} names for the target, if any. */
final class EnvironmentRoutePlanner extends DefaultRoutePlanner {

    private final ProxySettings proxies;

    EnvironmentRoutePlanner(ProxySettings proxies) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxies = proxies;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        Optional<URI> proxy = proxies.proxyFor(target.getSchemeName(), target.getHostName());
        return proxy.map(uri -> new HttpHost(uri.getScheme(), uri.getHost(),
                uri.getPort() == -1 ? Origin.defaultPort(uri.getScheme()) : uri.getPort())).orElse(null);
    }
}
