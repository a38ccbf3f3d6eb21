package dev.reposix.core.provider;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.core.CoreErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The backends reposix knows, by scheme: registered explicitly by embedders, or discovered with
 * {@link ServiceLoader} from an explicit class loader. A provider that fails to load is recorded as a
 * {@link ProviderLoadProblem} while the others load; two providers for one scheme fail fast, naming
 * both classes. Immutable and thread-safe once built.
 *
 * @since 0.1
 */
public final class ProviderRegistry {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Map<String, SourceOfTruthProvider> byScheme;
    private final List<ProviderLoadProblem> problems;

    private ProviderRegistry(Map<String, SourceOfTruthProvider> byScheme, List<ProviderLoadProblem> problems) {
        this.byScheme = Collections.unmodifiableMap(new TreeMap<>(byScheme));
        this.problems = List.copyOf(problems);
    }

    /**
     * Builds a registry from explicit providers and, optionally, those a class loader's
     * {@code META-INF/services} files name.
     *
     * @param explicit providers registered by the embedder
     * @param discoveryLoader the class loader to discover more from, or {@code null} for none
     * @return the registry
     * @throws ReposixException {@link CoreErrorCode#DUPLICATE_SCHEME} when two providers claim a scheme
     */
    public static ProviderRegistry create(List<SourceOfTruthProvider> explicit, ClassLoader discoveryLoader) {
        Map<String, SourceOfTruthProvider> byScheme = new TreeMap<>();
        List<ProviderLoadProblem> problems = new ArrayList<>();
        List<SourceOfTruthProvider> candidates = new ArrayList<>(explicit);
        if (discoveryLoader != null) {
            candidates.addAll(discover(discoveryLoader, problems));
        }
        for (SourceOfTruthProvider provider : candidates) {
            String scheme;
            try {
                scheme = provider.scheme();
            } catch (RuntimeException | LinkageError broken) {
                problems.add(new ProviderLoadProblem(provider.getClass().getName(), "scheme() failed: " + broken));
                continue;
            }
            if (scheme == null || !SCHEME.matcher(scheme).matches()) {
                problems.add(new ProviderLoadProblem(provider.getClass().getName(),
                        "invalid scheme '" + scheme + "' (expected lower-case letters, digits and -)"));
                continue;
            }
            SourceOfTruthProvider existing = byScheme.putIfAbsent(scheme, provider);
            if (existing != null && existing.getClass() != provider.getClass()) {
                throw new ReposixException(CoreErrorCode.DUPLICATE_SCHEME, "two backends claim the scheme '" + scheme
                        + "': " + existing.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one of their jars from the class path");
            }
        }
        return new ProviderRegistry(byScheme, problems);
    }

    private static List<SourceOfTruthProvider> discover(ClassLoader loader, List<ProviderLoadProblem> problems) {
        List<SourceOfTruthProvider> found = new ArrayList<>();
        Iterator<SourceOfTruthProvider> iterator = ServiceLoader.load(SourceOfTruthProvider.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return found;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError | LinkageError broken) {
                problems.add(new ProviderLoadProblem(failedClassName(broken), oneLine(broken)));
            }
        }
    }

    /** ServiceLoader names the failing class in its message: "Provider x.Y could not be instantiated". */
    private static String failedClassName(Throwable broken) {
        String message = String.valueOf(broken.getMessage());
        int start = message.indexOf("Provider ");
        if (start >= 0) {
            String rest = message.substring(start + "Provider ".length());
            int end = rest.indexOf(' ');
            return end < 0 ? rest : rest.substring(0, end);
        }
        return message;
    }

    private static String oneLine(Throwable broken) {
        Throwable root = broken;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == broken ? String.valueOf(broken.getMessage()) : broken.getMessage() + ": " + root;
    }

    /**
     * The provider for a scheme.
     *
     * @param scheme the scheme
     * @return the provider
     * @throws ReposixException {@link CoreErrorCode#UNKNOWN_SCHEME} naming the available schemes
     */
    public SourceOfTruthProvider require(String scheme) {
        SourceOfTruthProvider provider = byScheme.get(scheme);
        if (provider == null) {
            throw new ReposixException(CoreErrorCode.UNKNOWN_SCHEME, "no backend for scheme '" + scheme
                    + "'; available: " + (byScheme.isEmpty() ? "none" : String.join(", ", byScheme.keySet()))
                    + (problems.isEmpty() ? "" : " (" + problems.size() + " failed to load; see `reposix backends`)"));
        }
        return provider;
    }

    /**
     * Every loaded provider, sorted by scheme.
     *
     * @return the providers
     */
    public List<SourceOfTruthProvider> providers() {
        return List.copyOf(byScheme.values());
    }

    /**
     * The providers that failed to load.
     *
     * @return the problems
     */
    public List<ProviderLoadProblem> problems() {
        return problems;
    }

    /**
     * Fails unless a scheme is well-formed; used to check remote specs early.
     *
     * @param scheme the scheme
     * @return whether it is well-formed
     */
    public static boolean isWellFormedScheme(String scheme) {
        return SCHEME.matcher(requireNonNull(scheme, "scheme is null")).matches();
    }
}
