package dev.reposix.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GitHub's git hosting on loopback: smart HTTP served by {@code git http-backend}
 * (run as a CGI program per request) for the bare repositories under a root folder, with every
 * request required to carry HTTP Basic credentials whose password is the token (the user name is
 * free, as with GitHub's {@code x-access-token}). Thread-safe; close it to stop.
 */
final class GitHttpServer implements AutoCloseable {

    private final Path root;
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger refused = new AtomicInteger();

    private GitHttpServer(Path root, String token) throws IOException {
        this.root = root;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves the repositories under {@code root} to clients that present {@code token}. */
    static GitHttpServer start(Path root, String token) throws IOException {
        return new GitHttpServer(root, token);
    }

    /** {@code http://127.0.0.1:PORT}, what {@code github.server_url} is on GitHub. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests were refused for missing or wrong credentials. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user.isEmpty()) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"mirror\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Process backend = backend(exchange, user.get(), body.length).start();
            CompletableFuture<Void> input = CompletableFuture.runAsync(() -> write(backend.getOutputStream(), body));
            CompletableFuture<Void> errors = CompletableFuture.runAsync(() -> read(backend.getErrorStream()));
            respond(exchange, backend.getInputStream());
            input.join();
            errors.join();
        }
    }

    private Optional<String> authenticatedUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon > 0 && pair.substring(colon + 1).equals(token) ? Optional.of(pair.substring(0, colon))
                : Optional.empty();
    }

    /** The CGI environment of RFC 3875 that {@code git http-backend} reads. */
    private ProcessBuilder backend(HttpExchange exchange, String user, int contentLength) {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> environment = builder.environment();
        environment.put("GIT_PROJECT_ROOT", root.toString());
        environment.put("GIT_HTTP_EXPORT_ALL", "1");
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("REMOTE_USER", user); // an authenticated user may push (http.receivepack's default)
        environment.put("REMOTE_ADDR", "127.0.0.1");
        environment.put("REQUEST_METHOD", exchange.getRequestMethod());
        environment.put("PATH_INFO", exchange.getRequestURI().getPath());
        environment.put("QUERY_STRING", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        environment.put("CONTENT_LENGTH", Integer.toString(contentLength));
        Map.of("Content-Type", "CONTENT_TYPE", "Content-Encoding", "HTTP_CONTENT_ENCODING", "Git-Protocol",
                "GIT_PROTOCOL").forEach((header, variable) -> Optional.ofNullable(exchange.getRequestHeaders()
                .getFirst(header)).ifPresent(value -> environment.put(variable, value)));
        return builder;
    }

    /** Relays the CGI response: its header lines (with {@code Status:}), then the body. */
    private static void respond(HttpExchange exchange, InputStream cgi) throws IOException {
        int status = 200;
        for (String line = headerLine(cgi); !line.isEmpty(); line = headerLine(cgi)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, status == 204 || status == 304 ? -1 : 0);
        if (status != 204 && status != 304) {
            try (OutputStream body = exchange.getResponseBody()) {
                cgi.transferTo(body);
            }
        }
    }

    private static String headerLine(InputStream cgi) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = cgi.read(); next != -1 && next != '\n'; next = cgi.read()) {
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream stream, byte[] bytes) {
        try (stream) {
            stream.write(bytes);
        } catch (IOException closedEarly) {
            // the backend may answer without reading everything (an error); its response tells
        }
    }

    private static void read(InputStream stream) {
        try (stream) {
            stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
