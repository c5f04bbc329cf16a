package dev.freeagent.vtuber.input;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.testing.WsTestClient;

/**
 * A client of {@code /ws/input} with the protocol's steps as methods, on the shared test WebSocket client.
 */
final class InputClient implements AutoCloseable {
    private final WsTestClient socket;

    private InputClient(WsTestClient socket) {
        this.socket = socket;
    }

    static InputClient connect(HttpClient http, int port) throws Exception {
        return new InputClient(WsTestClient.open(http, url(port)));
    }

    static InputClient connectAsVisitor(HttpClient http, int port, String visitor) throws Exception {
        return new InputClient(WsTestClient.open(http, url(port), Map.of("X-Vtuber-Visitor", visitor)));
    }

    private static String url(int port) {
        return "ws://127.0.0.1:" + port + "/ws/input";
    }

    /** The next text frame, waiting up to 5 s; fails when none comes. */
    String next() throws InterruptedException {
        return socket.nextText();
    }

    JsonNode nextJson() throws InterruptedException {
        return socket.nextJson();
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
        socket.sendText(json);
        return this;
    }

    InputClient text(String fragment, boolean last) {
        socket.sendText(fragment, last);
        return this;
    }

    InputClient binary(byte[] bytes) {
        return binary(bytes, true);
    }

    InputClient binary(byte[] bytes, boolean last) {
        socket.sendBinary(bytes, last);
        return this;
    }

    InputClient binary(String utf8) {
        return binary(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** The close code the server sent, skipping text frames still unread, waiting up to 5 s for each. */
    int closeCode() throws Exception {
        while (true) {
            Object event = socket.next();
            if (event instanceof WsTestClient.Closed closed) {
                return closed.code();
            }
            if (event instanceof Throwable error) {
                throw new AssertionError("the socket failed instead of closing", error);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
