package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.simulator.ConfluenceSimulator;
import dev.reposix.simulator.seed.Seeds;
import dev.reposix.testkit.RecordingSocketServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reposix spaces} and {@code reposix list} against the simulator, through the real command line. */
class ConfluenceCommandsTest {

    private ConfluenceSimulator simulator;
    private Map<String, String> environment;
    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void start() {
        simulator = ConfluenceSimulator.builder().credentials("bot@acme.example", "tok-4242-secret").seed(Seeds.demo())
                .start();
        environment = new HashMap<>(Map.of("ATLASSIAN_EMAIL", "bot@acme.example", "ATLASSIAN_API_KEY", "tok-4242-secret",
                "REPOSIX_CONFLUENCE_BASE_URL", simulator.baseUrl(), "REPOSIX_ALLOWED_ORIGINS", simulator.baseUrl()));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String... args) {
        return cli.run(environment, getClass().getClassLoader(), args);
    }

    @Test
    void spacesListsTheReadableSpaces() {
        assertThat(run("spaces")).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("DEMO").contains("reposix Demo");
    }

    @Test
    void listPrintsEveryPageWithItsEditor() {
        assertThat(run("list", "confluence::DEMO")).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).startsWith("ID").contains("VERSION").containsPattern("\\d+ records in confluence::DEMO");
    }

    @Test
    void listAsJsonIsMachineReadableAndHasNoBodies() throws Exception {
        assertThat(run("list", "confluence::DEMO", "--format", "json")).as(cli.stderr()).isZero();

        JsonNode records = new ObjectMapper().readTree(cli.stdout());
        assertThat(records.size()).isGreaterThanOrEqualTo(25);
        assertThat(records.get(0).has("title")).isTrue();
        assertThat(records.get(0).has("body")).isFalse();
    }

    @Test
    void unknownSpaceIsAUserErrorNamingTheAccount() {
        assertThat(run("list", "confluence::NOPE")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-2003").contains("space NOPE not found or not visible to bot@acme.example");
    }

    @Test
    void wrongTokenIsAUserErrorThatNeverPrintsTheToken() {
        environment.put("ATLASSIAN_API_KEY", "tok-wrong-7777");

        assertThat(run("list", "confluence::DEMO")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("RPX-2001").doesNotContain("tok-wrong-7777");
    }

    @Test
    void listOutsideTheEgressAllowListSendsNothingAndSaysHowToAllowIt() throws Exception {
        try (RecordingSocketServer excluded = new RecordingSocketServer(RecordingSocketServer.EMPTY_OK)) {
            environment.put("REPOSIX_ALLOWED_ORIGINS", "https://acme.atlassian.net," + simulator.baseUrl());
            environment.put("REPOSIX_CONFLUENCE_BASE_URL", excluded.origin());

            assertThat(run("list", "confluence::DEMO")).isEqualTo(ExitCodes.EXTERNAL);
            assertThat(cli.stderr()).contains("RPX-1001").contains("export REPOSIX_ALLOWED_ORIGINS=\"https://acme.atlassian.net,"
                    + simulator.baseUrl() + "," + excluded.origin() + "\"");
            assertThat(excluded.connections()).as("connections to the excluded origin").isZero();
            assertThat(excluded.bytesReceived()).isZero();
        }
    }

    @Test
    void missingSettingsAreAllNamedAtOnce() {
        environment.clear();

        assertThat(run("list", "confluence::DEMO")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("ATLASSIAN_EMAIL").contains("ATLASSIAN_API_KEY")
                .contains("REPOSIX_CONFLUENCE_TENANT or REPOSIX_CONFLUENCE_BASE_URL");
    }
}
