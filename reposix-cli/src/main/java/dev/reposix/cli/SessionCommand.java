package dev.reposix.cli;

import dev.reposix.core.Reposix;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that uses reposix core; the factory attaches the invocation's session. */
abstract class SessionCommand {

    @Spec
    CommandSpec spec;

    private ReposixCli.Session session;

    final void attach(ReposixCli.Session value) {
        this.session = value;
    }

    /** The core, built on first use. */
    final Reposix reposix() {
        return session.get();
    }

    /** The environment variables of this invocation. */
    final Map<String, String> environment() {
        return session.environment().variables();
    }

    /** Where results go. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where warnings go. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
