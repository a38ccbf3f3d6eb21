package dev.reposix.cli;

import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import java.util.List;

/** Providers the CLI tests discover through a plugin class loader. */
public final class CliTestProviders {

    private CliTestProviders() {
    }

    /** A well-behaved provider with a secret setting. */
    public static class Wiki implements SourceOfTruthProvider {
        @Override
        public String scheme() {
            return "wiki";
        }

        @Override
        public String description() {
            return "Test wiki spaces";
        }

        @Override
        public List<Setting> settings() {
            return List.of(
                    Setting.required("email", "WIKI_EMAIL", "the account's e-mail"),
                    Setting.required("token", "WIKI_TOKEN", "an API token").asSecret());
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.of(Capability.CREATE, Capability.UPDATE);
        }

        @Override
        public SourceOfTruth open(String project, Settings settings, BackendContext context) {
            throw new IllegalStateException("not needed by these tests");
        }
    }

    /** Claims the same scheme as {@link Wiki}. */
    public static class OtherWiki extends Wiki {
    }

    /** Puts its secret into an exception message, as a careless backend might. */
    public static class Leaky extends Wiki {
        @Override
        public String scheme() {
            return "leaky";
        }

        @Override
        public String description() {
            throw new IllegalStateException("cannot describe: token " + System.getProperty("leaky.token"));
        }
    }
}
