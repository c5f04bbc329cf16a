package dev.freeagent.vtuber.ltm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.freeagent.vtuber.common.json.Json;

/**
 * A small OpenAI-compatible server on loopback, non-streaming: {@code POST /v1/chat/completions} answers the next
 * scripted chat reply (default {@code []}), and {@code POST /v1/embeddings} answers word-hash vectors of
 * {@link #DIMENSION} components (texts sharing words point the same way). Every request is recorded with its
 * Authorization header. Thread-safe; close it.
 */
public final class FakeModelServer implements AutoCloseable {
    /** Size of the fake embedding vectors. */
    public static final int DIMENSION = 8;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ChatReply> chatReplies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int embeddingStatus = 200;

    private FakeModelServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts on a free loopback port.
     *
     * @return the server
     */
    public static FakeModelServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            FakeModelServer fake = new FakeModelServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake model server", e);
        }
    }

    /**
     * The base URL to configure.
     *
     * @return e.g. {@code http://127.0.0.1:40123/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Chat replies for the next chat requests, in order.
     *
     * @param replies replies
     */
    public void enqueue(ChatReply... replies) {
        chatReplies.addAll(List.of(replies));
    }

    /**
     * Drops the chat replies not yet used.
     */
    public void clearReplies() {
        chatReplies.clear();
    }

    /**
     * Makes the embeddings endpoint answer this status (200 = normal).
     *
     * @param status HTTP status
     */
    public void embeddingStatus(int status) {
        this.embeddingStatus = status;
    }

    /**
     * Requests received so far.
     *
     * @return recorded requests, oldest first
     */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Recorded(path, Json.parse(body), authorization == null ? "" : authorization));
            if (path.endsWith("/chat/completions")) {
                chat(exchange);
            } else if (path.endsWith("/embeddings")) {
                embeddings(exchange, Json.parse(body));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void chat(HttpExchange exchange) throws IOException, InterruptedException {
        ChatReply reply = chatReplies.poll();
        reply = reply == null ? ChatReply.of("[]") : reply;
        if (reply.delay().isPositive() && closed.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        if (reply.status() != 200) {
            send(exchange, reply.status(), "{\"error\":{\"message\":\"scripted failure\"}}");
            return;
        }
        ObjectNode answer = Json.object();
        answer.put("id", "chatcmpl-fake");
        answer.put("object", "chat.completion");
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply.content());
        choice.put("finish_reason", "stop");
        send(exchange, 200, Json.write(answer));
    }

    private void embeddings(HttpExchange exchange, JsonNode request) throws IOException {
        if (embeddingStatus != 200) {
            send(exchange, embeddingStatus, "{\"error\":{\"message\":\"scripted failure\"}}");
            return;
        }
        ObjectNode answer = Json.object();
        answer.put("object", "list");
        ArrayNode data = answer.putArray("data");
        JsonNode input = request.path("input");
        // answered in reverse order: clients must sort by index
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float v : wordHash(input.get(i).asText())) {
                vector.add(v);
            }
        }
        answer.put("model", request.path("model").asText());
        send(exchange, 200, Json.write(answer));
    }

    /**
     * The fake model's vector of a text, before normalisation.
     *
     * @param text text
     * @return word-hash counts
     */
    public static float[] wordHash(String text) {
        float[] vector = new float[DIMENSION];
        vector[0] = 0.01f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        return vector;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    /**
     * One recorded request.
     *
     * @param path request path
     * @param body request body
     * @param authorization the Authorization header, or empty
     */
    public record Recorded(String path, JsonNode body, String authorization) {
    }

    /**
     * One scripted chat answer.
     *
     * @param content the assistant message content
     * @param status HTTP status; not 200 answers an error body
     * @param delay wait before answering
     */
    public record ChatReply(String content, int status, Duration delay) {
        /**
         * Answers this content at once.
         *
         * @param content message content
         * @return the reply
         */
        public static ChatReply of(String content) {
            return new ChatReply(content, 200, Duration.ZERO);
        }

        /**
         * Answers an HTTP error.
         *
         * @param status status
         * @return the reply
         */
        public static ChatReply error(int status) {
            return new ChatReply("", status, Duration.ZERO);
        }

        /**
         * The same reply, late.
         *
         * @param delay wait
         * @return the reply
         */
        public ChatReply after(Duration delay) {
            return new ChatReply(content, status, delay);
        }
    }
}
