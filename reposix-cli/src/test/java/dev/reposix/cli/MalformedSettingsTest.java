package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.testkit.RecordingSocketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed settings and remote specs given to {@code reposix init} (issue 10, hostile and bad
 * input): each is a user error (exit code 2) naming the variable or argument and how to fix it;
 * nothing is sent (the configured server, a listening socket, accepts no connection) and nothing is
 * written (neither the working tree nor the cache directory exists afterwards).
 */
class MalformedSettingsTest {

    private static final String TOKEN = "tok-malformed-5150";

    @TempDir
    Path temporary;

    private final CliRunner cli = new CliRunner();
    private RecordingSocketServer server;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws IOException {
        server = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK);
        environment = new HashMap<>(Map.of("ATLASSIAN_EMAIL", "bot@acme.example", "ATLASSIAN_API_KEY", TOKEN,
                "REPOSIX_CONFLUENCE_BASE_URL", server.origin(), "REPOSIX_ALLOWED_ORIGINS", server.origin(),
                "REPOSIX_CACHE_DIR", temporary.resolve("cache").toString()));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static Stream<Arguments> malformedAllowLists() {
        return Stream.of(
                Arguments.of("acme.atlassian.net", "malformed entry 'acme.atlassian.net'"),
                Arguments.of("https://", "malformed entry 'https://'"),
                Arguments.of("ftp://x", "malformed entry 'ftp://x'"),
                Arguments.of("https://host/path", "malformed entry 'https://host/path'"),
                Arguments.of("*", "malformed entry '*'"),
                Arguments.of("ORIGIN,", "empty entry"),
                Arguments.of("ORIGIN, ,https://acme.atlassian.net", "empty entry"),
                Arguments.of(" ", "set but empty"),
                Arguments.of("http://jane:pw-in-origin@127.0.0.1:*", "malformed entry"));
    }

    @ParameterizedTest(name = "REPOSIX_ALLOWED_ORIGINS=''{0}''")
    @MethodSource("malformedAllowLists")
    void aMalformedAllowListDeniesEverythingNamingTheEntryAndNothingIsSentOrWritten(String value, String problem)
            throws IOException {
        environment.put("REPOSIX_ALLOWED_ORIGINS", value.replace("ORIGIN", server.origin()));

        assertRefusedBeforeAnythingHappens("confluence::DEMO", "RPX-1002", "REPOSIX_ALLOWED_ORIGINS", problem,
                "export REPOSIX_ALLOWED_ORIGINS=");
        assertThat(cli.stderr()).doesNotContain("pw-in-origin");
    }

    static Stream<Arguments> malformedTenants() {
        return Stream.of(
                Arguments.of("acme.atlassian.net", "export REPOSIX_CONFLUENCE_TENANT=acme"),
                Arguments.of("https://acme", "export REPOSIX_CONFLUENCE_TENANT=acme"),
                Arguments.of("ac me", "lower-case letters"),
                Arguments.of("../x", "not a site name"),
                Arguments.of("", "REPOSIX_CONFLUENCE_TENANT or REPOSIX_CONFLUENCE_BASE_URL"));
    }

    @ParameterizedTest(name = "REPOSIX_CONFLUENCE_TENANT=''{0}''")
    @MethodSource("malformedTenants")
    void aMalformedTenantIsRefusedNamingTheVariableAndNothingIsSentOrWritten(String tenant, String fix)
            throws IOException {
        environment.remove("REPOSIX_CONFLUENCE_BASE_URL");
        environment.put("REPOSIX_CONFLUENCE_TENANT", tenant);

        assertRefusedBeforeAnythingHappens("confluence::DEMO", "RPX-", "REPOSIX_CONFLUENCE_TENANT", fix);
    }

    static Stream<Arguments> malformedBaseUrls() {
        return Stream.of(
                Arguments.of("127.0.0.1:PORT", "must be an http(s) URL"),
                Arguments.of("acme.atlassian.net", "must be an http(s) URL"),
                Arguments.of("jane:hunter2@127.0.0.1:PORT", "must be an http(s) URL"),
                Arguments.of("http://jane:hunter2@127.0.0.1:PORT", "must not contain credentials"),
                Arguments.of("http://jane:hunter2@127.0.0.1:PORT/wiki?x=1", "must not contain credentials"),
                Arguments.of("http://127.0.0.1:PORT/wiki?os_authType=basic", "a query"),
                Arguments.of("http://127.0.0.1:PORT/wi ki", "not a URL"));
    }

    @ParameterizedTest(name = "REPOSIX_CONFLUENCE_BASE_URL=''{0}''")
    @MethodSource("malformedBaseUrls")
    void aMalformedBaseUrlIsRefusedWithoutEchoingCredentialsAndNothingIsSentOrWritten(String url, String problem)
            throws IOException {
        environment.put("REPOSIX_CONFLUENCE_BASE_URL", url.replace("PORT", String.valueOf(server.port())));

        assertRefusedBeforeAnythingHappens("confluence::DEMO", "RPX-0002", "REPOSIX_CONFLUENCE_BASE_URL", problem);
        assertThat(cli.stderr()).doesNotContain("hunter2").doesNotContain(TOKEN);
    }

    static Stream<Arguments> malformedRemotes() {
        return Stream.of(
                Arguments.of("confluence:DEMO"),
                Arguments.of("::"),
                Arguments.of("confluence::"),
                Arguments.of("::DEMO"),
                Arguments.of(""),
                Arguments.of("confluence::a/b"),
                Arguments.of("confluence::.."),
                Arguments.of("confluence::a\\b"));
    }

    @ParameterizedTest(name = "init ''{0}''")
    @MethodSource("malformedRemotes")
    void aMalformedRemoteIsRefusedWithAnExampleAndNothingIsSentOrWritten(String remote) throws IOException {
        assertRefusedBeforeAnythingHappens(remote, "RPX-0103", "'" + remote + "' is not a remote",
                "for example confluence::ENG");
    }

    private void assertRefusedBeforeAnythingHappens(String remote, String... expected) throws IOException {
        Path tree = temporary.resolve("tree");

        int exitCode = cli.run(environment, getClass().getClassLoader(), "init", remote, tree.toString());

        assertThat(exitCode).as(cli.stderr()).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains(expected).doesNotContain(TOKEN).doesNotContain("RPX-0199");
        assertThat(cli.stdout()).isEmpty();
        assertThat(tree).doesNotExist();
        assertThat(temporary.resolve("cache")).doesNotExist();
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
        assertThat(server.connections()).as("connections to the configured server").isZero();
        assertThat(server.bytesReceived()).isZero();
    }
}
