package dev.freeagent.vtuber.gateway.proxy;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/**
 * Receives the backend socket's frames and writes them to the client. One frame is requested at a time and the
 * next only after the previous one reached the client, so a slow client slows the backend instead of filling
 * memory. Each write runs on a virtual thread because the JDK client may call this listener on one of its own
 * shared threads, which a blocking socket write must not hold.
 *
 * <p>Called by the JDK WebSocket one method at a time.
 */
final class BackendListener implements WebSocket.Listener {
    private final ProxyConnection connection;
    private final ThreadFactory writers;

    BackendListener(ProxyConnection connection, ThreadFactory writers) {
        this.connection = connection;
        this.writers = writers;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String text = data.toString();
        return forward(webSocket, () -> connection.toClient(text, last));
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return forward(webSocket, () -> connection.toClient(bytes, last));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        connection.backendClosed();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connection.backendClosed();
    }

    private CompletionStage<?> forward(WebSocket webSocket, Runnable write) {
        writers.newThread(() -> {
            write.run();
            webSocket.request(1);
        }).start();
        return null;
    }
}
