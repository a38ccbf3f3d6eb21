package dev.reposix.simulator.internal.http;

/** Handles one routed request; may throw {@code ApiFailure} for error answers. Implementations are thread-safe. */
@FunctionalInterface
public interface RequestHandler {
    /** Produces the response. */
    ApiResponse handle(ApiRequest request);
}
