package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.api.HttpTransport;
import dev.reposix.api.ReposixException;
import dev.reposix.api.TransportRequest;
import dev.reposix.api.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON over the host's egress-checked transport for one Confluence site: authentication, cursor
 * pagination that only ever follows site-relative links (never {@code _links.base} or an absolute
 * URL from a response), and error bodies turned into reposix errors that name the endpoint. Thread-safe.
 */
public final class ConfluenceHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private final ConfluenceSite site;
    private final HttpTransport transport;
    private final ErrorMapper errors;

    /**
     * Creates a client.
     *
     * @param site the site and credentials
     * @param transport the host's transport
     */
    public ConfluenceHttp(ConfluenceSite site, HttpTransport transport) {
        this.site = site;
        this.transport = transport;
        this.errors = new ErrorMapper(site);
    }

    /** The site this client talks to. */
    ConfluenceSite site() {
        return site;
    }

    /** Sends a request and returns the raw response, whatever its status. */
    TransportResponse exchange(String method, String sitePath, Optional<JsonNode> body) {
        return send(method, sitePath, body, false);
    }

    /**
     * Sends a request whose body (or answer) is not JSON, e.g. a file upload or download, and returns
     * the raw response, whatever its status.
     *
     * @param method the method
     * @param sitePath the site-relative path with query
     * @param accept the {@code Accept} header
     * @param contentType the body's media type; ignored without a body
     * @param body the body, empty for none
     */
    TransportResponse exchange(String method, String sitePath, String accept, String contentType, byte[] body) {
        return send(method, sitePath, accept, contentType, body, false);
    }

    private TransportResponse send(String method, String sitePath, Optional<JsonNode> body, boolean repeatable) {
        return send(method, sitePath, "application/json", "application/json",
                body.map(ConfluenceHttp::write).orElse(new byte[0]), repeatable);
    }

    private TransportResponse send(String method, String sitePath, String accept, String contentType, byte[] body,
            boolean repeatable) {
        URI uri = site.resolve(sitePath);
        TransportRequest.Builder request = TransportRequest.of(method, uri)
                .header("Authorization", site.authorization())
                .header("Accept", accept);
        if (body.length > 0) {
            request.body(contentType, body);
        }
        if (!method.equals("GET")) {
            // The v1 label and attachment endpoints reject browser-style cross-site writes without it.
            request.header("X-Atlassian-Token", "nocheck");
        }
        if (repeatable) {
            request.retryable(true);
        }
        return transport.send(request.build());
    }

    /** GETs a JSON document, failing with a reposix error for any non-2xx answer. */
    JsonNode get(String sitePath, String purpose) {
        return readOk(exchange("GET", sitePath, Optional.empty()), purpose);
    }

    /** Sends a write and returns its JSON answer (empty object for 204), failing for any non-2xx answer. */
    JsonNode write(String method, String sitePath, JsonNode body, String purpose) {
        return readOk(exchange(method, sitePath, Optional.of(body)), purpose);
    }

    /**
     * Sends a write that changes nothing when it arrives twice (adding a label the page has, a bulk
     * lookup), so the transport may resend it after a lost answer as it does for a PUT; otherwise
     * like {@link #write}.
     */
    JsonNode repeatableWrite(String method, String sitePath, JsonNode body, String purpose) {
        return readOk(send(method, sitePath, Optional.of(body), true), purpose);
    }

    /**
     * GETs every page of a cursor-paginated listing and hands each item of {@code results} to the
     * consumer, in order.
     *
     * @param firstPath the first page's site-relative path with query
     * @param purpose what the listing is for, for messages
     * @param consumer receives each item
     */
    void paginate(String firstPath, String purpose, Consumer<JsonNode> consumer) {
        Optional<String> next = Optional.of(firstPath);
        while (next.isPresent()) {
            TransportResponse response = exchange("GET", next.get(), Optional.empty());
            JsonNode page = readOk(response, purpose);
            JsonNode results = page.path("results");
            if (!results.isArray()) {
                throw errors.unexpected(purpose, response, "the answer has no 'results' list");
            }
            results.forEach(consumer);
            next = nextLink(page, response, purpose);
        }
    }

    private Optional<String> nextLink(JsonNode page, TransportResponse response, String purpose) {
        String link = page.path("_links").path("next").asText("");
        if (link.isEmpty()) {
            for (String header : response.headers("Link")) {
                Matcher matcher = NEXT_LINK.matcher(header);
                if (matcher.find()) {
                    link = matcher.group(1);
                }
            }
        }
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (!link.startsWith("/") || link.startsWith("//")) {
            throw errors.unexpected(purpose, response, "the next-page link '" + abbreviate(link)
                    + "' is not a path on this site; reposix only follows links relative to " + site.baseUrl());
        }
        return Optional.of(link);
    }

    JsonNode readOk(TransportResponse response, String purpose) {
        if (!response.isSuccess()) {
            throw failure(response, purpose);
        }
        return parse(response, purpose);
    }

    /** The reposix error for a non-2xx answer, naming the endpoint and what to do. */
    ReposixException failure(TransportResponse response, String purpose) {
        return errors.failure(response, purpose);
    }

    /** Parses a JSON body; an empty body is an empty object. */
    JsonNode parse(TransportResponse response, String purpose) {
        byte[] body = response.body();
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException malformed) {
            throw errors.unexpected(purpose, response, "the body is not valid JSON");
        }
    }

    /** A fresh JSON object for request bodies. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }


    private static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialise a JSON tree", impossible);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
