package dev.freeagent.vtuber.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.server.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A gateway on a free loopback port, started through {@link Main#start}, with HTTP helpers and the client that
 * tests open their sockets with. Every wait here is bounded: closing never uses {@link HttpClient#close()}, which
 * waits for every WebSocket of the client to end and so hangs on one the gateway failed to close.
 */
final class TestGateway implements AutoCloseable {
    /** How long the gateway may take to stop: its own bounds (2 s for backends, Helidon's grace) and some slack. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    final HttpClient http = HttpClient.newHttpClient();
    private final Service service;
    private boolean stopped;

    private TestGateway(Service service) {
        this.service = service;
    }

    static TestGateway start(String inputUrl, String outputUrl) {
        return start(inputUrl, outputUrl, Map.of());
    }

    static TestGateway start(String inputUrl, String outputUrl, Map<String, String> extra) {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "gateway.host", "127.0.0.1",
                "gateway.port", "0",
                "gateway.input-url", inputUrl,
                "gateway.output-url", outputUrl,
                "gateway.stop-timeout-seconds", "2"));
        overrides.putAll(extra);
        return new TestGateway(Main.start(ServiceConfig.load(overrides, "gateway.yaml")));
    }

    /** A URL nobody listens on. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "ws://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String ws(String path) {
        return service.url("ws") + path;
    }

    int port() {
        return service.port();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url("http") + path))
                .timeout(REQUEST_TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url("http") + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode connections() throws IOException, InterruptedException {
        return Json.parse(get("/connections").body());
    }

    /** Waits (bounded, polling) until no proxied connection is registered. */
    void awaitNoConnections() {
        await(() -> {
            try {
                return connections().path("total_connections").asInt() == 0;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "the registry to empty");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /**
     * Closes the gateway service only (the test's client stays open, to watch what its sockets are told).
     *
     * @throws AssertionError when the service does not stop within {@link #STOP_LIMIT}
     */
    void stopService() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        Thread closing = Thread.ofVirtual().name("test-gateway-stop").start(service::close);
        if (!closing.join(STOP_LIMIT)) {
            throw new AssertionError("the gateway did not stop within " + STOP_LIMIT);
        }
    }

    /**
     * Stops the gateway, then drops whatever the test client still has open (aborting its sockets).
     */
    @Override
    public void close() throws InterruptedException {
        try {
            stopService();
        } finally {
            http.shutdownNow();
            http.awaitTermination(REQUEST_TIMEOUT);
        }
    }
}
