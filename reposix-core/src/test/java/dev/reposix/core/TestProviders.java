package dev.reposix.core;

import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Small providers for registry and facade tests; some are broken on purpose. */
public final class TestProviders {

    private TestProviders() {
    }

    /** A provider that opens an empty project and remembers the settings it got. */
    public static class Alpha implements SourceOfTruthProvider {
        static volatile Settings lastSettings;

        @Override
        public String scheme() {
            return "alpha";
        }

        @Override
        public List<Setting> settings() {
            return List.of(
                    Setting.required("user", "ALPHA_USER", "the account name, from your admin"),
                    Setting.required("token", "ALPHA_TOKEN", "create one at https://alpha.example/tokens").asSecret(),
                    Setting.required("site", "ALPHA_SITE", "your site name, e.g. acme"),
                    Setting.optional("page-size", "ALPHA_PAGE_SIZE", "records per request"));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.READ_ONLY;
        }

        @Override
        public SourceOfTruth open(String project, Settings settings, BackendContext context) {
            lastSettings = settings;
            if (project.equals("LEAKY")) {
                throw new IllegalStateException("login failed for token " + settings.require("token"));
            }
            return new EmptyProject(scheme());
        }
    }

    /** A second provider with another scheme. */
    public static class Beta extends Alpha {
        @Override
        public String scheme() {
            return "beta";
        }
    }

    /** Claims Alpha's scheme. */
    public static class AlphaImpostor extends Alpha {
    }

    /** Fails in its constructor, as a provider with a missing dependency would. */
    public static class ThrowsOnConstruction extends Alpha {
        public ThrowsOnConstruction() {
            throw new IllegalStateException("needs a library that is not on the class path");
        }
    }

    /** An empty read-only project. */
    static final class EmptyProject implements SourceOfTruth {
        private final String scheme;

        EmptyProject(String scheme) {
            this.scheme = scheme;
        }

        @Override
        public String scheme() {
            return scheme;
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.READ_ONLY;
        }

        @Override
        public List<ManifestEntry> manifest() {
            return List.of();
        }

        @Override
        public void readRecords(Collection<RecordId> ids, Consumer<? super Record> consumer) {
            // an empty project has no records to hand out
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
