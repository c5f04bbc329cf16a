package dev.freeagent.vtuber.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.freeagent.vtuber.common.json.Json;

/**
 * A small OpenAI-compatible chat server on loopback that streams scripted replies as SSE
 * ({@code POST /v1/chat/completions} with {@code "stream": true}). It records every request body, so a
 * test can assert what the dialog engine sent. Replies are taken from a queue, then the default.
 *
 * <p>Start the JVM with {@code -Dsun.net.httpserver.nodelay=true}, otherwise every flushed event waits
 * for a delayed ACK (~40 ms). Thread-safe; close it.
 */
public final class FakeOpenAi implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Reply defaultReply = Reply.of("Hello", " there", "!");

    private FakeOpenAi(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return the running server
     */
    public static FakeOpenAi start() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            FakeOpenAi fake = new FakeOpenAi(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake OpenAI server", e);
        }
    }

    /**
     * The base URL to configure as OPENAI_BASE_URL.
     *
     * @return e.g. {@code http://127.0.0.1:40123/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Replies used for the next requests, in order.
     *
     * @param replies replies
     * @return this
     */
    public FakeOpenAi enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /**
     * The reply used when the queue is empty.
     *
     * @param reply reply
     * @return this
     */
    public FakeOpenAi defaultReply(Reply reply) {
        this.defaultReply = reply;
        return this;
    }

    /**
     * Request bodies received so far, oldest first.
     *
     * @return a copy
     */
    public List<JsonNode> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} requests arrived.
     *
     * @param count how many
     * @param timeout bound
     * @return the requests
     * @throws AssertionError when they did not arrive in time
     */
    public List<JsonNode> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (requests.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " LLM requests, got " + requests.size());
                }
                arrived.awaitNanos(left);
            }
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            record(Json.parse(body));
            Reply reply = queue.poll();
            stream(exchange, reply == null ? defaultReply : reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(JsonNode request) {
        lock.lock();
        try {
            requests.add(request);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void stream(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        if (reply.status() != 200) {
            byte[] error = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), error.length);
            exchange.getResponseBody().write(error);
            return;
        }
        if (reply.hang()) {
            closed.await(5, TimeUnit.MINUTES);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // tokens are due at fixed offsets from the request, so sleep overshoot does not add up over a reply
        long start = System.nanoTime();
        for (int i = 0; i < reply.tokens().size(); i++) {
            pauseUntil(start + reply.firstToken().toNanos() + i * reply.between().toNanos());
            if (i == reply.disconnectAfter()) {
                throw new IOException("scripted disconnect");
            }
            out.write(chunk(reply.tokens().get(i)));
            out.flush();
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static byte[] chunk(String token) {
        var delta = Json.object();
        delta.put("content", token);
        var choice = Json.object();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("finish_reason");
        var chunk = Json.object();
        chunk.put("id", "chatcmpl-fake");
        chunk.put("object", "chat.completion.chunk");
        chunk.putArray("choices").add(choice);
        return ("data: " + Json.write(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void pauseUntil(long dueNanos) throws InterruptedException {
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    /**
     * One scripted reply.
     *
     * @param tokens the content deltas
     * @param firstToken wait before the first delta
     * @param between wait between deltas
     * @param status HTTP status; not 200 answers a JSON error instead
     * @param disconnectAfter drop the connection before this delta index (-1: never)
     * @param hang accept the request and never answer
     */
    public record Reply(List<String> tokens, Duration firstToken, Duration between, int status,
                        int disconnectAfter, boolean hang) {
        /**
         * Streams these deltas at once.
         *
         * @param tokens deltas
         * @return the reply
         */
        public static Reply of(String... tokens) {
            return new Reply(List.of(tokens), Duration.ZERO, Duration.ZERO, 200, -1, false);
        }

        /**
         * The benchmark's fixed timing: 50 ms to the first token, then 20 tokens 5 ms apart (150 ms).
         *
         * @return the reply
         */
        public static Reply benchmark() {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                tokens.add(i == 0 ? "Sure" : " word" + i);
            }
            return new Reply(tokens, Duration.ofMillis(50), Duration.ofMillis(5), 200, -1, false);
        }

        /**
         * An HTTP error.
         *
         * @param status e.g. 500
         * @return the reply
         */
        public static Reply error(int status) {
            return new Reply(List.of(), Duration.ZERO, Duration.ZERO, status, -1, false);
        }

        /**
         * Never answers.
         *
         * @return the reply
         */
        public static Reply silent() {
            return new Reply(List.of(), Duration.ZERO, Duration.ZERO, 200, -1, true);
        }

        /**
         * The same reply with a wait before the first token.
         *
         * @param wait the wait
         * @return the reply
         */
        public Reply firstTokenAfter(Duration wait) {
            return new Reply(tokens, wait, between, status, disconnectAfter, hang);
        }

        /**
         * The same reply with a wait between tokens.
         *
         * @param wait the wait
         * @return the reply
         */
        public Reply spacedBy(Duration wait) {
            return new Reply(tokens, firstToken, wait, status, disconnectAfter, hang);
        }

        /**
         * The same reply, cut off before the given delta.
         *
         * @param index delta index
         * @return the reply
         */
        public Reply disconnectingBefore(int index) {
            return new Reply(tokens, firstToken, between, status, index, hang);
        }
    }
}
