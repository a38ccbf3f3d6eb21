package dev.reposix.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportTypesTest {

    @Test
    void requestToStringShowsNeitherHeadersNorUserInfo() {
        TransportRequest request = TransportRequest.get(URI.create("https://bot:pw123@acme.example/wiki?x=1"))
                .header("Authorization", "Basic c2VjcmV0").build();

        assertThat(request.toString()).isEqualTo("GET https://acme.example/wiki?x=1");
    }

    @Test
    void retryableDefaultsToTheMethodsIdempotency() {
        URI uri = URI.create("https://acme.example/x");

        assertThat(TransportRequest.get(uri).build().retryable()).isTrue();
        assertThat(TransportRequest.of("put", uri).build().retryable()).isTrue();
        assertThat(TransportRequest.of("POST", uri).build().retryable()).isFalse();
        assertThat(TransportRequest.of("POST", uri).retryable(true).build().retryable()).isTrue();
    }

    @Test
    void requestsNeedAnAbsoluteUri() {
        assertThatThrownBy(() -> TransportRequest.get(URI.create("/wiki/api/v2/pages")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestBodyIsCopiedAndSetsContentType() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        TransportRequest request = TransportRequest.of("POST", URI.create("https://acme.example/x"))
                .body("application/json", body).build();
        body[0] = 'X';

        assertThat(new String(request.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(request.bodyLength()).isEqualTo(2);
        assertThat(request.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
    }

    @Test
    void responseHeadersAreCaseInsensitive() {
        TransportResponse response = new TransportResponse(URI.create("https://acme.example/x"), 200,
                List.of(Map.entry("Link", "<a>; rel=\"next\""), Map.entry("link", "<b>")), "ok".getBytes(StandardCharsets.UTF_8));

        assertThat(response.header("LINK")).contains("<a>; rel=\"next\"");
        assertThat(response.headers("link")).hasSize(2);
        assertThat(response.header("Retry-After")).isEmpty();
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.bodyText()).isEqualTo("ok");
    }
}
