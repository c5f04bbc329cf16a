package dev.freeagent.vtuber.gateway.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/**
 * Opens backend WebSockets with one shared JDK HTTP client, and turns a failure into the close reason the
 * client is given (contract §2.1: {@code Proxy error: ...}).
 *
 * <p>Thread-safe. The service owns it; closing it drops the client's remaining connections.
 */
public final class BackendDialer implements AutoCloseable {
    /** The original's WebSocket library gave a backend 10 s to open. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ThreadFactory writers = Thread.ofVirtual().name("gateway-pump-", 0).factory();

    /**
     * Creates the dialer and its HTTP client.
     */
    public BackendDialer() {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * Opens the backend socket of a connection and pairs it; blocks until it is open or has failed.
     *
     * @param target the backend socket URL
     * @param headers extra handshake headers
     * @param service {@code input} or {@code output}, for the failure text
     * @param connection the pair to feed
     * @return the open socket
     * @throws BackendUnavailableException when it cannot be opened
     */
    WebSocket open(URI target, Map<String, String> headers, String service, ProxyConnection connection) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        headers.forEach(builder::header);
        try {
            return builder.buildAsync(target, new BackendListener(connection, writers)).join();
        } catch (CompletionException e) {
            throw new BackendUnavailableException("Proxy error: " + describe(e.getCause(), service), e.getCause());
        }
    }

    /**
     * The text after {@code Proxy error: } for a failure to open a backend socket.
     *
     * @param failure what the JDK client reported
     * @param service {@code input} or {@code output}
     * @return a short sentence
     */
    static String describe(Throwable failure, String service) {
        if (failure instanceof WebSocketHandshakeException rejected) {
            return "server rejected WebSocket connection: HTTP " + rejected.getResponse().statusCode();
        }
        if (failure instanceof HttpTimeoutException) {
            return service + " service did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (failure instanceof IOException || failure instanceof java.nio.channels.UnresolvedAddressException) {
            return service + " service unavailable";
        }
        return service + " service failed: " + failure.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /**
     * The backend socket could not be opened.
     */
    static final class BackendUnavailableException extends RuntimeException {
        BackendUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
