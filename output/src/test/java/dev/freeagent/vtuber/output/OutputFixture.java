package dev.freeagent.vtuber.output;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A running output service on a free port with its own Redis link, a JDK HTTP client, and a lettuce
 * connection for the test's own PUBLISH/SET/PUBSUB commands.
 */
final class OutputFixture implements AutoCloseable {
    private final RedisLink link;
    private final Service service;
    private final HttpClient http = HttpClient.newHttpClient();
    private final RedisSettings redisSettings;
    private RedisClient testClient;
    private StatefulRedisConnection<String, String> testConnection;
    private ManagedChannel channel;
    private ManagedChannel controlChannel;

    private OutputFixture(RedisSettings redisSettings, Map<String, String> overrides) {
        this.redisSettings = redisSettings;
        Map<String, String> all = new HashMap<>(Map.of("output.host", "127.0.0.1", "output.port", "0"));
        all.putAll(overrides);
        this.link = RedisLink.open(redisSettings);
        this.service = Main.start(ServiceConfig.load(all, "output.yaml"), link);
    }

    static OutputFixture start(RedisSettings redis, Map<String, String> overrides) {
        return new OutputFixture(redis, overrides);
    }

    WsTestClient socket(String taskId) throws Exception {
        return WsTestClient.open(http, service.url("ws") + "/ws/output/" + taskId);
    }

    /** A client socket that asks for streamed audio ({@code ?stream=1}). */
    WsTestClient streamingSocket(String taskId) throws Exception {
        return WsTestClient.open(http, service.url("ws") + "/ws/output/" + taskId + "?stream=1");
    }

    /** A gRPC channel to this instance, opened on first use and shut down with the fixture. */
    ManagedChannel channel() {
        if (channel == null) {
            channel = GrpcChannels.open(service.url("http"));
        }
        return channel;
    }

    /**
     * A second channel for OutputControl calls: a STOP comes from the gateway over a connection of its own, never
     * behind dialog's speech frames.
     */
    ManagedChannel controlChannel() {
        if (controlChannel == null) {
            controlChannel = GrpcChannels.open(service.url("http"));
        }
        return controlChannel;
    }

    /** The address this instance registers in the session directory. */
    String address() {
        return "127.0.0.1:" + service.port();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.url("http") + path)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        return Json.parse(get(path).body());
    }

    String status(String taskId) throws Exception {
        return getJson("/status/" + taskId).get("status").asText();
    }

    /** Waits (bounded) until the socket for the task is subscribed. */
    void awaitWaiting(String taskId) {
        eventually(() -> {
            try {
                return "waiting".equals(status(taskId));
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The test's own Redis commands (opened on first use; Redis may be down before). */
    RedisCommands<String, String> redis() {
        if (testConnection == null) {
            testClient = RedisClient.create(RedisURI.create(redisSettings.host(), redisSettings.port()));
            testConnection = testClient.connect();
        }
        return testConnection.sync();
    }

    long subscribers(String channel) {
        return redis().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

    Service service() {
        return service;
    }

    HttpClient http() {
        return http;
    }

    /**
     * Polls a condition until it holds, for at most five seconds.
     *
     * @param condition the condition
     */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Override
    public void close() {
        for (ManagedChannel open : new ManagedChannel[] {channel, controlChannel}) {
            if (open != null) {
                open.shutdownNow();
            }
        }
        service.close();
        link.close();
        http.close();
        if (testConnection != null) {
            testConnection.close();
            testClient.shutdown();
        }
    }
}
