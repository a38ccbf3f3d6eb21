package dev.reposix.cli;

/** The {@code reposix} command; stateless, its {@code main} runs once per process. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(ReposixCli.create(CliEnvironment.system()).execute(args));
    }
}
