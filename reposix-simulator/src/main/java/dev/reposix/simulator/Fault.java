package dev.reposix.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator does instead of (or around) answering a request normally. Instances are
 * immutable values, thread-safe; combine them with a {@link FaultRule} to say which requests they
 * hit.
 */
public sealed interface Fault {

    /** Answers with the given status (e.g. 500, 502, 503) and a v2 error body; no write happens. */
    static Fault status(int status) {
        return new Status(status, Duration.ZERO);
    }

    /** Answers 429 with {@code Retry-After} in whole seconds; no write happens. */
    static Fault tooManyRequests(Duration retryAfter) {
        return new Status(429, retryAfter);
    }

    /** Sleeps (real time) before handling the request normally. */
    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /**
     * Handles the request (writes are applied), sends the headers and about half of the body with
     * the full {@code Content-Length}, then closes the connection: the client sees a truncated body.
     */
    static Fault resetMidBody() {
        return new ResetMidBody();
    }

    /** Handles the request (writes are applied), then closes the connection without any response. */
    static Fault dropResponseAfterWrite() {
        return new DropResponseAfterWrite();
    }

    /** Holds the request until {@code latch} is released, then handles it normally. */
    static Fault hold(RequestLatch latch) {
        return new Hold(latch);
    }

    /** An error answer instead of handling; {@code retryAfter} is sent only when positive. */
    record Status(int status, Duration retryAfter) implements Fault {
        /** Validates the status and retry delay. */
        public Status {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
            }
            Objects.requireNonNull(retryAfter, "retryAfter is null");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter is negative");
            }
        }
    }

    /** A pause before normal handling. */
    record Delay(Duration delay) implements Fault {
        /** Validates the delay. */
        public Delay {
            Objects.requireNonNull(delay, "delay is null");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay is negative");
            }
        }
    }

    /** A truncated response body after normal handling. */
    record ResetMidBody() implements Fault {
    }

    /** A lost response after normal handling. */
    record DropResponseAfterWrite() implements Fault {
    }

    /** A request parked on a latch. */
    record Hold(RequestLatch latch) implements Fault {
        /** Validates the latch. */
        public Hold {
            Objects.requireNonNull(latch, "latch is null");
        }
    }
}
