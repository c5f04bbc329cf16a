package dev.freeagent.vtuber.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client on the JDK WebSocket: collects received frames in order and the close it was given.
 */
final class TestSocket implements WebSocket.Listener {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Part> parts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    /**
     * A received message, whole.
     *
     * @param text whether it came as text
     * @param data the text, or the bytes as ISO-8859-1 characters for binary
     * @param frames how many parts it arrived in
     */
    record Message(boolean text, String data, int frames) {
    }

    /**
     * The close the gateway sent.
     *
     * @param code close code
     * @param reason close reason
     */
    record Closed(int code, String reason) {
    }

    private record Part(boolean text, String data, byte[] bytes, boolean last) {
    }

    static TestSocket open(HttpClient http, String url, Map<String, String> headers) {
        TestSocket listener = new TestSocket();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        listener.socket = builder.buildAsync(URI.create(url), listener).orTimeout(5, TimeUnit.SECONDS).join();
        return listener;
    }

    static TestSocket open(HttpClient http, String url) {
        return open(http, url, Map.of());
    }

    WebSocket socket() {
        return socket;
    }

    void sendText(String text, boolean last) {
        socket.sendText(text, last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] bytes, boolean last) {
        socket.sendBinary(ByteBuffer.wrap(bytes), last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Sends a normal close frame and waits (bounded) until it is written.
     *
     * @param reason the close reason
     */
    void sendClose(String reason) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * The next message, assembled from its parts.
     *
     * @return the message
     * @throws AssertionError when none arrives in time
     */
    Message next() throws InterruptedException {
        Part part = poll();
        boolean text = part.text();
        StringBuilder textData = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count = 1;
        append(part, textData, bytes);
        while (!part.last()) {
            part = poll();
            if (part.text() != text) {
                throw new AssertionError("frame type changed inside a message");
            }
            append(part, textData, bytes);
            count++;
        }
        String data = text ? textData.toString() : bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new Message(text, data, count);
    }

    Closed awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        parts.add(new Part(true, data.toString(), null, last));
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        parts.add(new Part(false, null, bytes, last));
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    private Part poll() throws InterruptedException {
        Part part = parts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (part == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return part;
    }

    private static void append(Part part, StringBuilder text, ByteArrayOutputStream bytes) {
        if (part.text()) {
            text.append(part.data());
        } else {
            bytes.writeBytes(part.bytes());
        }
    }
}
