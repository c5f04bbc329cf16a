package dev.freeagent.vtuber.input;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisSettings;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Sees what the service published, the way an output socket would: subscribe to
 * {@code task_response:{id}}, then read {@code task_result:{id}} in case it was stored before the
 * subscription. Deletes the keys it watched when closed.
 */
final class ResultWatcher implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final StatefulRedisConnection<String, String> connection;
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    private final List<String> watched = new CopyOnWriteArrayList<>();

    ResultWatcher(RedisSettings redis) {
        client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        pubSub = client.connectPubSub();
        connection = client.connect();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                future(channel.substring("task_response:".length())).complete(message);
            }
        });
    }

    /** Subscribes to the task's channel (once); the task's durable copy is deleted on close. */
    void watch(String taskId) {
        if (!watched.contains(taskId)) {
            watched.add(taskId);
            pubSub.sync().subscribe("task_response:" + taskId);
        }
    }

    /** The published result: the Pub/Sub message, or the durable copy if it was stored before we subscribed. */
    JsonNode await(String taskId) throws Exception {
        watch(taskId);
        String stored = connection.sync().get("task_result:" + taskId);
        if (stored != null) {
            future(taskId).complete(stored);
        }
        return Json.parse(future(taskId).get(8, TimeUnit.SECONDS));
    }

    /** The Pub/Sub message only, as a subscriber that was there in time receives it. */
    JsonNode awaitMessage(String taskId) throws Exception {
        return Json.parse(future(taskId).get(8, TimeUnit.SECONDS));
    }

    String stored(String taskId) {
        return connection.sync().get("task_result:" + taskId);
    }

    long ttlSeconds(String taskId) {
        return connection.sync().ttl("task_result:" + taskId);
    }

    private CompletableFuture<String> future(String taskId) {
        return results.computeIfAbsent(taskId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        watched.forEach(id -> connection.sync().del("task_result:" + id));
        pubSub.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
