package dev.reposix.cli;

import dev.reposix.core.ReposixVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root {@code reposix} command: global options and the list of subcommands. */
@Command(
        name = "reposix",
        mixinStandardHelpOptions = true,
        versionProvider = ReposixCommand.VersionProvider.class,
        subcommands = {InitCommand.class, AttachCommand.class, SyncCommand.class, DoctorCommand.class, PushCommand.class, MirrorCommand.class, HistoryCommand.class, BackendsCommand.class, SpacesCommand.class,
            ListCommand.class, ConvertCommand.class,
            ExplainCommand.class, SimCommand.class, DemoCommand.class,
            HelpCommand.class},
        description = {
            "A Confluence space (or any tracker with a reposix backend) as a real git repository of Markdown files.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success, or nothing to do",
            "  1  internal error (a bug: please report it)",
            "  2  usage or user error (arguments, settings, files)",
            "  3  conflict (someone else changed the same thing: fetch, merge, retry)",
            "  4  external error (source of truth, network, egress policy)",
            "",
            "Environment: REPOSIX_ALLOWED_ORIGINS (outbound allow-list, default loopback only),",
            "REPOSIX_CLASSPATH (extra backend jars), HTTPS_PROXY/NO_PROXY, and each backend's settings",
            "(see `reposix backends`). Docs: docs/README.md"
        })
final class ReposixCommand implements Runnable {

    private boolean verbose;

    @Option(names = {"-v", "--verbose"}, description = "Log requests and print stack traces on errors (to stderr).")
    void setVerbose(boolean value) {
        this.verbose = value;
        if (value) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    @Spec
    CommandSpec spec;

    boolean verbose() {
        return verbose;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the reposix and Java versions. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "reposix " + ReposixVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
