package dev.reposix.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bare TCP server on loopback that counts every connection it accepts and every byte it reads,
 * and answers each connection with a fixed response. It proves what did — or did not — reach a
 * server: an egress test points a request, a redirect, a pagination link or a git remote at it and
 * expects {@link #connections()} and {@link #bytesReceived()} to stay zero. Thread-safe; close it to
 * stop listening.
 *
 * @since 0.1
 */
public final class RecordingSocketServer implements AutoCloseable {

    /** An empty {@code 200} answer, for tests where nothing should arrive at all. */
    public static final String EMPTY_OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicReference<String> firstRequestHead = new AtomicReference<>("");

    /**
     * Starts listening on a free loopback port.
     *
     * @param response the bytes (ISO-8859-1) sent back once a request head has arrived
     * @throws IOException if no port can be bound
     */
    public RecordingSocketServer(String response) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(response), "recording-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(String response) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                client.setSoTimeout(2000);
                String head = readHead(client.getInputStream());
                firstRequestHead.compareAndSet("", head);
                OutputStream out = client.getOutputStream();
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedOrTimedOut) {
                // the test decides what matters: connection and byte counts are already recorded
            }
        }
    }

    private String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int value;
        while ((value = in.read()) != -1) {
            bytesReceived.incrementAndGet();
            head.append((char) value);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    /**
     * The port it listens on, on the loopback address.
     *
     * @return the port
     */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Its origin, {@code http://127.0.0.1:<port>}.
     *
     * @return the origin
     */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * How many connections it accepted.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * How many bytes it read, over all connections.
     *
     * @return the count
     */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /**
     * The head (request line and headers) of the first request it received, or empty.
     *
     * @return the head
     */
    public String firstRequestHead() {
        return firstRequestHead.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
