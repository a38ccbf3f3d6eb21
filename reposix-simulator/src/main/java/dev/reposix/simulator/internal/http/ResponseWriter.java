package dev.reposix.simulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes responses, whole or deliberately broken. */
final class ResponseWriter {
    private ResponseWriter() {
    }

    /** Writes the whole response; returns the body bytes sent. */
    static long write(HttpExchange exchange, ApiResponse response) throws IOException {
        addHeaders(exchange, response);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return body.length;
    }

    /**
     * Sends the headers with the full Content-Length but only half of the body, then closes the
     * exchange; the JDK server closes the connection because the body is short, so the client
     * sees a reset mid-body. Returns the body bytes sent.
     */
    static long writeTruncated(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] body = response.body();
        if (body.length < 2) {
            drop(exchange);
            return 0;
        }
        addHeaders(exchange, response);
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        exchange.close();
        return half;
    }

    /** Closes the connection without sending anything: the response is lost. */
    static void drop(HttpExchange exchange) {
        // Closing before sendResponseHeaders makes the JDK server close the socket itself.
        exchange.close();
    }

    private static void addHeaders(HttpExchange exchange, ApiResponse response) {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().add(header.getKey(), header.getValue());
        }
    }
}
