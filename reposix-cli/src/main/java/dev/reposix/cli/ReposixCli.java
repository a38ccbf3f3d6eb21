package dev.reposix.cli;

import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.Reposix;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the {@code reposix} command line: the command tree, the exit-code mapping and the error
 * reporter. Commands reach core through one lazily built {@link Reposix}, so {@code --help} and
 * {@code --version} start nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReposixCli {

    private static final int USAGE_WIDTH = 110;

    private ReposixCli() {
    }

    /**
     * The command line for an environment; call {@link CommandLine#execute} on it.
     *
     * @param environment the environment variables and plugin class loader
     * @return the command line
     */
    public static CommandLine create(CliEnvironment environment) {
        Session session = new Session(environment);
        CommandLine commandLine = new CommandLine(new ReposixCommand(), new SessionFactory(session));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(session));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are written as lines of up to about 105 characters; at picocli's default 80 they
        // would be re-wrapped into ragged halves.
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                session.close();
            }
        });
        return commandLine;
    }

    /** One CLI invocation's shared state: the environment and the lazily built core. */
    static final class Session implements Supplier<Reposix> {
        private final CliEnvironment environment;
        private Reposix reposix;

        Session(CliEnvironment environment) {
            this.environment = environment;
        }

        CliEnvironment environment() {
            return environment;
        }

        @Override
        public synchronized Reposix get() {
            if (reposix == null) {
                reposix = Reposix.builder()
                        .environment(environment.variables())
                        .discoverProviders(environment.pluginLoader())
                        .progress(StderrProgress.forProcess())
                        .lockWait(lockWait(environment.variables()))
                        .build();
            }
            return reposix;
        }

        /** {@code REPOSIX_LOCK_WAIT}: seconds a sync waits for another sync of the same cache (default 60). */
        private static Duration lockWait(Map<String, String> variables) {
            String value = variables.getOrDefault("REPOSIX_LOCK_WAIT", "60").trim();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notANumber) {
                throw new ReposixException(StandardErrorCode.INVALID_SETTING,
                        "REPOSIX_LOCK_WAIT='" + value + "' must be a whole number of seconds");
            }
        }

        synchronized void close() {
            if (reposix != null) {
                reposix.close();
                reposix = null;
            }
        }
    }

    /** Lets picocli construct commands that receive the session. */
    private static final class SessionFactory implements CommandLine.IFactory {
        private final Session session;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        SessionFactory(Session session) {
            this.session = session;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (SessionCommand.class.isAssignableFrom(type)) {
                K command = fallback.create(type);
                ((SessionCommand) command).attach(session);
                return command;
            }
            return fallback.create(type);
        }
    }
}
