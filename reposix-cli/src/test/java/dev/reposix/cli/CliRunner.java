package dev.reposix.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process, the way {@code Main} does, capturing stdout and stderr. */
final class CliRunner {

    private String stdout = "";
    private String stderr = "";

    /** Runs one command line and returns its exit code. */
    int run(Map<String, String> environment, ClassLoader plugins, String... args) {
        CommandLine commandLine = ReposixCli.create(new CliEnvironment(environment, plugins));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        stdout = out.toString();
        stderr = err.toString();
        return exitCode;
    }

    String stdout() {
        return stdout;
    }

    String stderr() {
        return stderr;
    }
}
