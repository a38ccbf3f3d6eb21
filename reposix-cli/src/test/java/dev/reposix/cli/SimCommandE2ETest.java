package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts {@code reposix sim} from the distribution, as a user would, and talks to it. */
class SimCommandE2ETest {

    private static final Path REPOSIX = Path.of(System.getProperty("reposix.distribution", "target/reposix"), "bin", "reposix");

    /** The banner lines up to and including the last export line. */
    private static List<String> banner(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("export REPOSIX_ALLOWED_ORIGINS=")) {
                break;
            }
        }
        return lines;
    }

    private static Map<String, String> exports(List<String> lines) {
        Map<String, String> exports = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("export ")) {
                String[] pair = line.substring("export ".length()).split("=", 2);
                exports.put(pair[0], pair[1]);
            }
        }
        return exports;
    }

    @Test
    void simServesTheDemoSpaceWithThePrintedCredentials() throws Exception {
        Process process = new ProcessBuilder(REPOSIX.toString(), "sim").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> exports = exports(banner(process));
            String baseUrl = exports.get("REPOSIX_CONFLUENCE_BASE_URL");
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
            assertThat(exports.get("REPOSIX_ALLOWED_ORIGINS")).isEqualTo(baseUrl);
            String credentials = exports.get("ATLASSIAN_EMAIL") + ":" + exports.get("ATLASSIAN_API_KEY");

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/wiki/api/v2/spaces?keys=DEMO"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"key\":\"DEMO\"");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void simWithTenThousandPagesStartsAndServesAFullListing() throws Exception {
        Process process = new ProcessBuilder(REPOSIX.toString(), "sim", "--pages", "10000", "--space", "BIG")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = banner(process);
            assertThat(lines).contains("  space BIG: 10000 pages");
            String baseUrl = exports(lines).get("REPOSIX_CONFLUENCE_BASE_URL");
            String authorization = "Basic " + Base64.getEncoder()
                    .encodeToString("reposix@example.com:simulator-token".getBytes(StandardCharsets.UTF_8));
            HttpClient client = HttpClient.newHttpClient();
            String spaceJson = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/wiki/api/v2/spaces?keys=BIG"))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString()).body();
            String spaceId = spaceJson.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            int listed = 0;
            String next = "/wiki/api/v2/spaces/" + spaceId + "/pages?limit=250";
            while (next != null) {
                String page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + next))
                        .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString()).body();
                listed += page.split("\"spaceId\"", -1).length - 1;
                next = page.contains("\"next\":\"") ? page.replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1") : null;
            }
            assertThat(listed).isEqualTo(10000);
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void malformedFaultRuleIsAUsageError() throws Exception {
        Process process = new ProcessBuilder(REPOSIX.toString(), "sim", "--fault", "fault=banana")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.USER);
        assertThat(output).contains("--fault 'fault=banana'");
    }
}
