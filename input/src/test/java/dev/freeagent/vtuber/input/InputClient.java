package dev.freeagent.vtuber.input;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JDK WebSocket client of {@code /ws/input} that records every text frame and the close code.
 */
final class InputClient implements AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private InputClient(WebSocket.Builder builder, URI uri) throws Exception {
        socket = builder.buildAsync(uri, new Recorder()).get(5, TimeUnit.SECONDS);
    }

    static InputClient connect(HttpClient http, int port) throws Exception {
        return new InputClient(http.newWebSocketBuilder(), uri(port));
    }

    static InputClient connectAsVisitor(HttpClient http, int port, String visitor) throws Exception {
        return new InputClient(http.newWebSocketBuilder().header("X-Vtuber-Visitor", visitor), uri(port));
    }

    private static URI uri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/input");
    }

    /** The next text frame, waiting up to 5 s; fails when none comes. */
    String next() throws InterruptedException {
        String frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return frame;
    }

    JsonNode nextJson() throws InterruptedException {
        return Json.parse(next());
    }

    /** Reads {@code task_id_assigned} and returns its task id. */
    String taskId() throws InterruptedException {
        JsonNode assigned = nextJson();
        if (!"task_id_assigned".equals(assigned.path("action").asText())) {
            throw new AssertionError("expected task_id_assigned, got " + assigned);
        }
        return assigned.path("task_id").asText();
    }

    InputClient json(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    InputClient text(String fragment, boolean last) {
        socket.sendText(fragment, last).join();
        return this;
    }

    InputClient binary(byte[] bytes) {
        return binary(bytes, true);
    }

    InputClient binary(byte[] bytes, boolean last) {
        socket.sendBinary(ByteBuffer.wrap(bytes), last).join();
        return this;
    }

    InputClient binary(String utf8) {
        return binary(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** The close code the server sent, waiting up to 5 s. */
    int closeCode() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }

    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
