package dev.reposix.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A small real-HTTP client for tests against a running simulator. Thread-safe. */
final class SimulatorHttp {
    static final String EMAIL = "tester@example.com";
    static final String TOKEN = "s3cret-token";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client;
    private final String authorization;

    SimulatorHttp(ConfluenceSimulator simulator) {
        this(simulator.baseUrl(), EMAIL, TOKEN);
    }

    SimulatorHttp(String baseUrl, String email, String token) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    static ConfluenceSimulator.Builder simulatorBuilder() {
        return ConfluenceSimulator.builder().credentials(EMAIL, TOKEN);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends and throws IOException as is, for fault tests that expect a broken connection. */
    HttpResponse<String> sendRaw(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
        return client.send(request(path).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Follows {@code _links.next} from {@code firstPath}; returns every result in order. */
    List<JsonNode> listAll(String firstPath) {
        List<JsonNode> all = new ArrayList<>();
        String path = firstPath;
        while (path != null) {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            JsonNode body = json(response);
            body.path("results").forEach(all::add);
            path = body.path("_links").hasNonNull("next") ? body.path("_links").path("next").asText() : null;
        }
        return all;
    }
}
