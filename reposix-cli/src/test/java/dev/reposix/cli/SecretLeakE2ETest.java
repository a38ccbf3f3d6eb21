package dev.reposix.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.reposix.cli.GitProcesses.Result;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never leak: every command of the built distribution and git through
 * {@code git-remote-reposix}, on their main paths and failure paths, with every logger at
 * {@code trace} (HttpClient's header and wire loggers included) and {@code --verbose} stack traces.
 * The API token, a wrong token and a proxy password all carry one marker; it must appear in no
 * output line, and neither may the Basic credentials they travel in, nor may any file, git config,
 * commit or audit line of the repositories and caches made.
 */
class SecretLeakE2ETest {

    private static final String MARKER = "LEAK-CANARY";
    private static final String EMAIL = "bot@acme.example";
    private static final String TOKEN = "tok-" + MARKER + "-7731";
    private static final String WRONG_TOKEN = TOKEN + "-revoked";
    private static final String PROXY_USER = "corp-proxy";
    private static final String PROXY_PASSWORD = "proxy-" + MARKER + "-4242";
    private static final String TRACE = "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"
            + " -Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=trace"
            + " -Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=trace";
    /** The forms a secret takes on the wire: Basic credentials, base64 of {@code user:secret}. */
    private static final List<String> ENCODED = List.of(basic(EMAIL, TOKEN), basic(EMAIL, WRONG_TOKEN),
            basic(PROXY_USER, PROXY_PASSWORD));

    @TempDir
    Path temporary;

    private ConfluenceSimulator simulator;
    private Map<String, String> environment;
    private GitProcesses processes;
    private final List<String> transcripts = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        simulator = ConfluenceSimulator.builder().credentials(EMAIL, TOKEN).seed(Seeds.demo()).start();
        String unusedProxy = "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@127.0.0.1:" + closedPort();
        environment = new HashMap<>(Map.of("ATLASSIAN_EMAIL", EMAIL, "ATLASSIAN_API_KEY", TOKEN,
                "REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl(), "REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl(),
                "REPOSIX_CACHE_DIR", temporary.resolve("cache").toString(), "REPOSIX_SYNC_MIN_INTERVAL", "0",
                "REPOSIX_JAVA_OPTS", TRACE, "HTTPS_PROXY", unusedProxy, "HTTP_PROXY", unusedProxy));
        environment.putAll(Map.of("GIT_AUTHOR_NAME", "Jane Writer", "GIT_AUTHOR_EMAIL", "jane@example.com",
                "GIT_COMMITTER_NAME", "Jane Writer", "GIT_COMMITTER_EMAIL", "jane@example.com"));
        processes = new GitProcesses(environment);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyCommandAndGitThroughTheHelperKeepTheTokenOutOfOutputLogsConfigCommitsAndTheAuditLog() throws Exception {
        Path tree = temporary.resolve("tree");
        Path mirror = temporary.resolve("mirror.git");
        Path mirrorClone = temporary.resolve("mirror-clone");
        reposixOk("backends");
        reposixOk("explain", "RPX-2001");
        reposixOk("list", "confluence::DEMO");
        reposixOk("init", "confluence::DEMO", tree.toString());
        editInConfluence("Getting Started", body -> body + "\n\nEdited in Confluence.\n");
        reposixOk("sync", tree.toString());
        reposixOk("history", tree.toString());

        append(tree.resolve("pages/Glossary.md"), "Pushed from git.");
        commit(tree, "Glossary: a line from git");
        reposixOk("push", "--dry-run", tree.toString());
        assertThat(git(tree, "push", "origin", "main").exitCode()).isZero();

        editInConfluence("Glossary", body -> "Their first line.\n\n" + body);
        append(tree.resolve("pages/Glossary.md"), "My last line.");
        commit(tree, "Glossary: my line");
        assertThat(git(tree, "push", "origin", "main").stderr()).contains("(fetch first)");
        assertThat(git(tree, "pull", "--rebase", "origin", "main").exitCode()).isZero();
        Files.writeString(tree.resolve("pages/Glossary.md"), "---\ntitle: [unclosed\n---\nbody\n");
        commit(tree, "Break the frontmatter");
        assertThat(git(tree, "push", "origin", "main").stderr()).contains("(invalid file)");
        assertThat(git(temporary, "clone", "--quiet", "reposix::" + simulator.baseUrl() + "/confluence/projects/DEMO",
                "clone").exitCode()).isZero();

        assertThat(git(temporary, "init", "--quiet", "--bare", "--initial-branch=main", mirror.toString()).exitCode())
                .isZero();
        reposixOk("mirror", "sync", "confluence::DEMO", "--mirror", mirror.toString());
        assertThat(git(temporary, "clone", "--quiet", mirror.toString(), mirrorClone.toString()).exitCode()).isZero();
        reposixOk("attach", "confluence::DEMO", mirrorClone.toString());
        append(mirrorClone.resolve("pages/FAQ.md"), "Pushed over the bus.");
        commit(mirrorClone, "FAQ: over the bus");
        assertThat(git(mirrorClone, "push").stderr()).contains("the mirror origin has the new main too");

        assertThat(String.join("\n", transcripts)).as("debug logging of reposix and HttpClient was on")
                .contains("[DEBUG] HttpClientTransport").contains("[DEBUG] InternalHttpClient");
        assertThat(transcripts).as("the helper logged at debug too").filteredOn(text -> text.startsWith("$ git push"))
                .anyMatch(text -> text.contains("[DEBUG] HttpClientTransport"));
        assertThat(Files.readString(temporary.resolve("cache/confluence-DEMO.git/audit.jsonl")))
                .contains("\"outcome\":\"accepted\"").contains("\"outcome\":\"rejected\"");
        assertNothingLeaked(5);
    }

    @Test
    void failurePathsKeepTheSecretsOutOfMessagesStackTracesAndLogs() throws Exception {
        String unreachable = "127.0.0.1:" + closedPort();
        reposixFails(ExitCodes.USER, Map.of("ATLASSIAN_API_KEY", WRONG_TOKEN), "RPX-2001", "list", "confluence::DEMO");
        reposixFails(ExitCodes.EXTERNAL, Map.of("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net"), "RPX-1001",
                "spaces");
        reposixFails(ExitCodes.USER, Map.of(), "RPX-2003", "list", "confluence::NOPE");
        reposixFails(ExitCodes.USER, Map.of("REPOSIX_CONFLUENCE_BASE_URL",
                simulator.baseUrl().replace("://", "://bot:" + TOKEN + "@")), "REPOSIX_CONFLUENCE_BASE_URL", "spaces");
        reposixFails(ExitCodes.USER, Map.of("HTTPS_PROXY", "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@"),
                "HTTPS_PROXY", "spaces");
        reposixFails(ExitCodes.EXTERNAL, Map.of("REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl() + ",http://" + unreachable),
                "RPX-5001", "mirror", "sync", "confluence::DEMO", "--mirror", "http://bot:" + TOKEN + "@" + unreachable
                        + "/m.git");
        reposixFails(ExitCodes.EXTERNAL, Map.of(), "RPX-1001", "mirror", "sync", "confluence::DEMO", "--mirror",
                "https://bot:" + TOKEN + "@git.example.com/acme/eng.git");
        Result clone = processes.git(Map.of("ATLASSIAN_API_KEY", WRONG_TOKEN), temporary, "clone", "--quiet",
                "reposix::" + simulator.baseUrl() + "/confluence/projects/DEMO", "denied-clone");
        record("git clone with a wrong token", clone);
        assertThat(clone.exitCode()).isNotZero();
        assertThat(clone.stderr()).contains("RPX-2001");

        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            String challenged = "Basic " + basic(PROXY_USER, PROXY_PASSWORD);
            proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", absent()).willReturn(aResponse().withStatus(407)
                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
            proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", equalTo(challenged))
                    .willReturn(aResponse().proxiedFrom(simulator.baseUrl())));
            String site = "http://wiki.corp.example:" + simulator.port();
            Result spaces = processes.run(Map.of("REPOSIX_CONFLUENCE_BASE_URL", site, "REPOSIX_ALLOWED_ORIGINS", site,
                    "HTTP_PROXY", "http://" + PROXY_USER + ":" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port()),
                    new byte[0], temporary, reposix("spaces"));
            record("reposix spaces through an authenticating proxy", spaces);
            assertThat(spaces.exitCode()).as(spaces.stderr()).isZero();
            assertThat(spaces.out()).contains("DEMO");
        } finally {
            proxy.stop();
        }
        assertNothingLeaked(0);
    }

    private static String basic(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static List<String> reposix(String... args) {
        List<String> command = new ArrayList<>(List.of(GitProcesses.DISTRIBUTION.resolve("bin/reposix").toString(),
                "--verbose"));
        command.addAll(List.of(args));
        return command;
    }

    private void reposixOk(String... args) throws Exception {
        Result result = processes.run(Map.of(), new byte[0], temporary, reposix(args));
        record("reposix " + String.join(" ", args), result);
        assertThat(result.exitCode()).as(String.join(" ", args) + ":\n" + result.stderr()).isZero();
    }

    private void reposixFails(int exitCode, Map<String, String> extra, String expected, String... args) throws Exception {
        Result result = processes.run(extra, new byte[0], temporary, reposix(args));
        record("reposix " + String.join(" ", args) + " with " + extra.keySet(), result);
        assertThat(result.exitCode()).as(String.join(" ", args) + ":\n" + result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).contains(expected);
    }

    private Result git(Path directory, String... args) throws Exception {
        Result result = processes.git(Map.of(), directory, args);
        record("git " + String.join(" ", args), result);
        return result;
    }

    private void record(String what, Result result) {
        transcripts.add("$ " + what + "\n" + result.out() + result.stderr());
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, Files.readString(file) + "\n" + line + "\n");
    }

    private void commit(Path directory, String message) throws Exception {
        assertThat(git(directory, "add", "-A").exitCode()).isZero();
        assertThat(git(directory, "commit", "--quiet", "-m", message).exitCode()).isZero();
    }

    private void editInConfluence(String title, UnaryOperator<String> change) {
        ConfluenceEdits.editBody(environment, "DEMO", title, change);
    }

    /**
     * Every output line, every file under the temporary directory (caches with their audit logs,
     * trees, clones, the mirror), and the config and full history of every repository in it.
     */
    private void assertNothingLeaked(int atLeastRepositories) throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String transcript : transcripts) {
            String command = transcript.substring(0, transcript.indexOf('\n'));
            transcript.lines().skip(1).filter(SecretLeakE2ETest::leaks).forEach(line -> leaks.add(command + ": " + line));
        }
        List<Path> repositories = new ArrayList<>();
        try (Stream<Path> files = Files.walk(temporary)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (leaks(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))) {
                    leaks.add("file " + temporary.relativize(file));
                }
                if (file.getFileName().toString().equals("HEAD") && Files.isDirectory(file.resolveSibling("objects"))) {
                    repositories.add(file.getParent());
                }
            }
        }
        assertThat(repositories).as("repositories inspected").hasSizeGreaterThanOrEqualTo(atLeastRepositories);
        for (Path repository : repositories) {
            for (List<String> args : List.of(List.of("config", "--list"), List.of("log", "-p", "--all"))) {
                List<String> command = new ArrayList<>(List.of("--git-dir", repository.toString()));
                command.addAll(args);
                Result result = processes.git(Map.of(), temporary, command.toArray(String[]::new));
                assertThat(result.exitCode()).as(String.join(" ", command) + ":\n" + result.stderr()).isZero();
                result.out().lines().filter(SecretLeakE2ETest::leaks)
                        .forEach(line -> leaks.add("git " + String.join(" ", command) + ": " + line));
            }
        }
        assertThat(leaks).as("places a secret leaked to").isEmpty();
    }

    private static boolean leaks(String text) {
        return text.contains(MARKER) || ENCODED.stream().anyMatch(text::contains);
    }
}
