package dev.freeagent.vtuber.ltm.legacy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.pubsub.RedisPubSubAdapter;

/**
 * Listens to one channel on a test's own link and hands over each message.
 */
final class ChannelProbe {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    private ChannelProbe() {
    }

    static ChannelProbe subscribe(RedisLink link, String channel) {
        ChannelProbe probe = new ChannelProbe();
        link.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (from.equals(channel)) {
                    probe.messages.add(message);
                }
            }
        });
        link.pubSub().sync().subscribe(channel);
        return probe;
    }

    JsonNode next(Duration timeout) throws InterruptedException {
        String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + timeout.toMillis() + " ms");
        }
        return Json.parse(message);
    }

    /** The next message about this user; messages about others (other tests on the channel) are passed over. */
    JsonNode nextFor(String userId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (message.path("user_id").asText().equals(userId)) {
                return message;
            }
        }
    }
}
