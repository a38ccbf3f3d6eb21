package dev.reposix.cli;

import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.CursorMode;
import dev.reposix.simulator.FaultRule;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.Seeds;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reposix sim}: a Confluence Cloud simulator in the foreground, for demos and trials. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {
            "Run a Confluence Cloud REST v2 simulator on this machine (loopback only) until Ctrl-C.",
            "It prints its base URL and the export lines that point reposix at it.",
            "Without --pages or --seed it serves a demo space (key DEMO) with realistic pages."
        })
final class SimCommand implements Callable<Integer> {

    private static final int AVERAGE_GENERATED_BODY_BYTES = 5_000;
    private static final long GENERATOR_SEED = 42L;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default).")
    int port;

    @Option(names = "--space", defaultValue = "BENCH",
            description = "Key of the generated space with --pages (default: ${DEFAULT-VALUE}).")
    String spaceKey;

    @Option(names = "--pages", description = "Serve a generated space of N pages (about 5 KB each) instead of the demo.")
    Integer pages;

    @Option(names = "--seed", description = "Serve the content of a JSON seed file instead of the demo.")
    Path seedFile;

    @Option(names = "--email", defaultValue = "reposix@example.com", description = "Accepted e-mail (default: ${DEFAULT-VALUE}).")
    String email;

    @Option(names = "--token", defaultValue = "simulator-token", description = "Accepted API token (default: ${DEFAULT-VALUE}).")
    String token;

    @Option(names = "--fault", paramLabel = "RULE",
            description = {"Inject a fault; repeatable. RULE is '[METHOD PATH-TEMPLATE] fault=F [times=N|all] [skip=K]"
                    + " [probability=P seed=S]' with F one of 429[:seconds], 500, 502, 503, delay:millis, reset, drop.",
                "Example: --fault 'GET /wiki/api/v2/pages fault=429:2 times=3'"})
    List<String> faults = new ArrayList<>();

    @Option(names = "--normalize-storage",
            description = "Add Cloud's macro ids (ac:macro-id, ac:local-id) to saved bodies, as Confluence Cloud does.")
    boolean normalizeStorage;

    @Option(names = "--unstable-cursor", description = "Offset cursors that repeat items after concurrent writes, as some real sites do.")
    boolean unstableCursor;

    @Override
    public Integer call() throws InterruptedException {
        List<FaultRule> rules = parseFaults();
        Seed seed = seed();
        ConfluenceSimulator simulator = ConfluenceSimulator.builder()
                .port(port)
                .credentials(email, token)
                .seed(seed)
                .cursorMode(unstableCursor ? CursorMode.UNSTABLE_OFFSET : CursorMode.KEYSET)
                .start();
        rules.forEach(rule -> simulator.faults().add(rule));
        simulator.normalizeStorage(normalizeStorage);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "reposix-sim-shutdown"));
        printBanner(spec.commandLine().getOut(), simulator.baseUrl(), seed);
        stopped.await();
        return ExitCodes.OK;
    }

    private Seed seed() {
        if (seedFile != null && pages != null) {
            throw new ParameterException(spec.commandLine(), "use either --seed or --pages, not both");
        }
        if (seedFile != null) {
            try {
                return Seed.read(seedFile);
            } catch (UncheckedIOException unreadable) {
                throw new ParameterException(spec.commandLine(), "--seed " + seedFile + ": " + unreadable.getMessage());
            }
        }
        if (pages != null) {
            if (pages < 1) {
                throw new ParameterException(spec.commandLine(), "--pages must be at least 1");
            }
            return Seeds.generated(spaceKey, pages, AVERAGE_GENERATED_BODY_BYTES, GENERATOR_SEED);
        }
        return Seeds.demo();
    }

    private List<FaultRule> parseFaults() {
        List<FaultRule> rules = new ArrayList<>();
        for (String text : faults) {
            try {
                rules.add(FaultRule.parse(text));
            } catch (RuntimeException malformed) {
                throw new ParameterException(spec.commandLine(), "--fault '" + text + "': " + malformed.getMessage());
            }
        }
        return rules;
    }

    private void printBanner(PrintWriter out, String baseUrl, Seed seed) {
        out.println("Confluence simulator listening on " + baseUrl + " (Ctrl-C stops it)");
        for (SeedSpace space : seed.spaces()) {
            out.println("  space " + space.key() + ": " + space.pages().size() + " pages");
        }
        out.println("Point reposix at it by pasting into your shell:");
        out.println("export REPOSIX_CONFLUENCE_BASE_URL=" + baseUrl);
        out.println("export ATLASSIAN_EMAIL=" + ShellWords.quote(email));
        out.println("export ATLASSIAN_API_KEY=" + ShellWords.quote(token));
        out.println("export REPOSIX_ALLOWED_ORIGINS=" + baseUrl);
        out.flush();
    }
}
