package dev.freeagent.vtuber.output;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The service starts without Redis, says so, and serves results once Redis is up.
 */
class RedisOutageTest {
    @Test
    void answersRedisUnavailableThenDeliversOnceRedisComesBack() throws Exception {
        int port = EmbeddedRedis.freePort();
        RedisSettings settings = new RedisSettings("127.0.0.1", port, 0, Duration.ofSeconds(1));
        try (OutputFixture output = OutputFixture.start(settings, Map.of())) {
            assertThat(output.getJson("/health").get("redis").asText(), is("disconnected"));
            WsTestClient refused = output.socket(UUID.randomUUID().toString());
            assertThat(refused.nextJson().toString(),
                       is("{\"status\":\"error\",\"error\":\"Redis connection not available\"}"));
            assertThat(refused.nextClose().code(), is(1000));
            assertThat(output.getJson("/health").get("active_connections").asInt(), is(0));

            try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
                OutputFixture.eventually(() -> healthSays(output, "connected"));
                String id = UUID.randomUUID().toString();
                WsTestClient socket = output.socket(id);
                output.awaitWaiting(id);

                output.redis().publish("task_response:" + id, "{\"text\": \"back\"}");

                assertThat(socket.nextJson().get("content").asText(), is("back"));
                assertThat(socket.nextClose().code(), is(1000));
            }
        }
    }

    private static boolean healthSays(OutputFixture output, String redis) {
        try {
            return redis.equals(output.getJson("/health").get("redis").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
