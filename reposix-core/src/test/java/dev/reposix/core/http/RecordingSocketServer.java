package dev.reposix.core.http;

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
 * A bare TCP server on loopback that records every connection and byte it receives and answers
 * each with a fixed HTTP response; proves what did (or did not) reach a server.
 */
final class RecordingSocketServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicReference<String> firstRequestHead = new AtomicReference<>("");
    private final Thread acceptor;

    RecordingSocketServer(String response) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> acceptLoop(response), "recording-server");
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

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    String firstRequestHead() {
        return firstRequestHead.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
