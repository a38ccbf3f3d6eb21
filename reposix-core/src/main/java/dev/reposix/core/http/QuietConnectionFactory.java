package dev.reposix.core.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * HttpClient connections that never log headers or wire bytes. HttpClient's own connections print
 * every header ({@code org.apache.hc.client5.http.headers}) and every byte
 * ({@code org.apache.hc.client5.http.wire}) once those loggers are at debug, and that includes the
 * {@code Authorization} and {@code Proxy-Authorization} headers: the base64 of the account's e-mail
 * and API token, or of the proxy's user and password. With these connections, turning logging up
 * to trace cannot print a credential; reposix logs each request's method, URL and status itself.
 * Thread-safe.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("http-outgoing-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** HttpClient's connection without its header log and without the wire-logging socket wrapper. */
    private static final class QuietConnection extends DefaultManagedHttpClientConnection {

        QuietConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // headers are not logged: they carry credentials
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // headers are not logged: they may carry session cookies
        }
    }
}
