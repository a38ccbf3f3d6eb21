package dev.reposix.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gate that holds matching requests inside the simulator until the test releases it, used with
 * {@link Fault#hold(RequestLatch)} to make concurrency tests deterministic: the test waits until a
 * request has arrived, does its own interleaved work, then releases the held request.
 *
 * <p>Thread-safe. One latch is released once; create a new one for the next round.
 */
public final class RequestLatch {
    private final CountDownLatch released = new CountDownLatch(1);
    private final Object arrivalMonitor = new Object();
    private final AtomicInteger arrived = new AtomicInteger();

    /** Creates a closed latch. */
    public RequestLatch() {
    }

    /**
     * Waits until at least {@code count} requests are held (or were held) by this latch.
     *
     * @return true if they arrived within the timeout
     */
    public boolean awaitArrivals(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivalMonitor) {
            while (arrived.get() < count) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                arrivalMonitor.wait(remainingMillis);
            }
            return true;
        }
    }

    /** Waits until one request is held; see {@link #awaitArrivals(int, Duration)}. */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return awaitArrivals(1, timeout);
    }

    /** Lets every held request, and every later one, continue. */
    public void release() {
        released.countDown();
    }

    /** The number of requests that reached this latch so far. */
    public int arrivals() {
        return arrived.get();
    }

    /**
     * Called by the simulator on the request thread: records the arrival and blocks until
     * {@link #release()} or the safety timeout, so a forgotten latch cannot hang a build forever.
     * Tests do not call this.
     */
    public void holdCurrentRequest(Duration safetyTimeout) throws InterruptedException {
        synchronized (arrivalMonitor) {
            arrived.incrementAndGet();
            arrivalMonitor.notifyAll();
        }
        released.await(safetyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
