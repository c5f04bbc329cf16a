package dev.freeagent.vtuber.common.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * A test WebSocket client (the JDK's) that queues what the server sends, in order: text frames as String,
 * binary frames as byte[] (fragments joined), the server's close as {@link Closed}, failures as Throwable.
 * Every wait is bounded. Closing aborts the socket, so a test never hangs on a peer that does not answer.
 */
public final class WsTestClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private WsTestClient(HttpClient http, URI uri, Map<String, String> headers) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Collector()).get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
    }

    /**
     * Opens a socket.
     *
     * @param http the client
     * @param url e.g. {@code ws://127.0.0.1:8000/ws/input}
     * @return the open client
     * @throws Exception when the handshake fails (an ExecutionException wrapping the JDK's exception)
     */
    public static WsTestClient open(HttpClient http, String url) throws Exception {
        return open(http, url, Map.of());
    }

    /**
     * Opens a socket with extra handshake headers.
     *
     * @param http the client
     * @param url the URL
     * @param headers handshake headers, e.g. a Cookie
     * @return the open client
     * @throws Exception when the handshake fails
     */
    public static WsTestClient open(HttpClient http, String url, Map<String, String> headers) throws Exception {
        return new WsTestClient(http, URI.create(url), headers);
    }

    /**
     * The JDK socket, for what this class does not wrap.
     *
     * @return the socket
     */
    public WebSocket socket() {
        return socket;
    }

    /**
     * Sends a whole text frame.
     *
     * @param text the text
     * @return this
     */
    public WsTestClient sendText(String text) {
        return sendText(text, true);
    }

    /**
     * Sends a text frame or a fragment of one.
     *
     * @param text the text
     * @param last whether this ends the message
     * @return this
     */
    public WsTestClient sendText(String text, boolean last) {
        socket.sendText(text, last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return this;
    }

    /**
     * Sends a whole binary frame.
     *
     * @param bytes the bytes
     * @return this
     */
    public WsTestClient sendBinary(byte[] bytes) {
        return sendBinary(bytes, true);
    }

    /**
     * Sends a binary frame or a fragment of one.
     *
     * @param bytes the bytes
     * @param last whether this ends the message
     * @return this
     */
    public WsTestClient sendBinary(byte[] bytes, boolean last) {
        socket.sendBinary(ByteBuffer.wrap(bytes), last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return this;
    }

    /**
     * The next thing the server sent, waiting up to 5 s.
     *
     * @return a String, byte[], Closed or Throwable
     */
    public Object next() throws InterruptedException {
        return next(WAIT);
    }

    /**
     * The next thing the server sent.
     *
     * @param timeout bound
     * @return a String, byte[], Closed or Throwable
     */
    public Object next(Duration timeout) throws InterruptedException {
        Object item = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("nothing received within " + timeout);
        }
        return item;
    }

    /**
     * The next frame, which must be text.
     *
     * @param timeout bound
     * @return the text
     */
    public String nextText(Duration timeout) throws InterruptedException {
        return expect(next(timeout), String.class);
    }

    /**
     * The next frame, which must be text, waiting up to 5 s.
     *
     * @return the text
     */
    public String nextText() throws InterruptedException {
        return nextText(WAIT);
    }

    /**
     * The next frame, which must be JSON text.
     *
     * @return the parsed JSON
     */
    public JsonNode nextJson() throws InterruptedException {
        return Json.parse(nextText());
    }

    /**
     * The next frame, which must be binary.
     *
     * @return the bytes
     */
    public byte[] nextBinary() throws InterruptedException {
        return expect(next(), byte[].class);
    }

    /**
     * The next event, which must be the server's close.
     *
     * @return the close
     */
    public Closed nextClose() throws InterruptedException {
        return expect(next(), Closed.class);
    }

    private static <T> T expect(Object item, Class<T> type) {
        if (!type.isInstance(item)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + item);
        }
        return type.cast(item);
    }

    @Override
    public void close() {
        socket.abort();
    }

    /**
     * The server's close frame.
     *
     * @param code close code
     * @param reason reason
     */
    public record Closed(int code, String reason) {
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add(error);
        }
    }
}
