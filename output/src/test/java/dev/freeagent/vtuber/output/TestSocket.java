package dev.freeagent.vtuber.output;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;

/**
 * A JDK WebSocket client that queues what it receives: text as String, binary as byte[], the close as
 * {@link Closed}, failures as Throwable.
 */
final class TestSocket implements WebSocket.Listener {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket socket;

    /**
     * The server's close frame.
     *
     * @param code close code
     * @param reason reason
     */
    record Closed(int code, String reason) {
    }

    static TestSocket open(HttpClient client, String url) throws Exception {
        TestSocket listener = new TestSocket();
        listener.socket = client.newWebSocketBuilder().buildAsync(URI.create(url), listener)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return listener;
    }

    WebSocket socket() {
        return socket;
    }

    Object next() throws InterruptedException {
        Object event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("nothing received within " + WAIT);
        }
        return event;
    }

    JsonNode nextJson() throws InterruptedException {
        Object event = next();
        assertThat(event, instanceOf(String.class));
        return Json.parse((String) event);
    }

    byte[] nextBinary() throws InterruptedException {
        Object event = next();
        assertThat(event, instanceOf(byte[].class));
        return (byte[]) event;
    }

    Closed nextClose() throws InterruptedException {
        Object event = next();
        assertThat(event, instanceOf(Closed.class));
        return (Closed) event;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            events.add(text.toString());
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
            events.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(error);
    }
}
