package dev.reposix.core.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes every caller of one transport wait once a server has answered 429: the first caller that
 * sees {@code Retry-After} closes the gate until that moment, and all others wait at the gate
 * instead of hammering the server. Thread-safe.
 */
final class RateLimitGate {

    private final AtomicLong openAtNanos = new AtomicLong(Long.MIN_VALUE);

    /**
     * Closes the gate for a while; a later close extends it, an earlier one never shortens it.
     *
     * @param delay how long to wait
     */
    void closeFor(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        openAtNanos.accumulateAndGet(until, (current, candidate) ->
                current == Long.MIN_VALUE || candidate - current > 0 ? candidate : current);
    }

    /**
     * Whether callers are being held back right now.
     *
     * @return {@code true} while the gate is closed
     */
    boolean isClosed() {
        long openAt = openAtNanos.get();
        return openAt != Long.MIN_VALUE && openAt - System.nanoTime() > 0;
    }

    /**
     * Waits until the gate is open.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitOpen() throws InterruptedException {
        while (true) {
            long openAt = openAtNanos.get();
            if (openAt == Long.MIN_VALUE) {
                return;
            }
            long remaining = openAt - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            Thread.sleep(Math.max(1, remaining / 1_000_000));
        }
    }
}
