package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import io.lettuce.core.KillArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * A result published while output's Pub/Sub connection is down (a Redis failover, a network blip) still reaches the
 * socket waiting for it: after resubscribing, output reads the durable copy.
 */
class PubSubReconnectIT {
    @TempDir
    static Path dataDir;

    @Test
    void aResultPublishedWhilePubSubReconnectsStillReachesTheWaitingSocket() throws Exception {
        try (FakeOpenAi llm = FakeOpenAi.start();
             EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.freePort())) {
            Map<String, String> overrides = new HashMap<>(TestSystem.overrides(dataDir, llm.baseUrl()));
            overrides.put("redis.host", "127.0.0.1");
            overrides.put("redis.port", String.valueOf(redis.port()));
            overrides.put("output.wait-timeout-seconds", "8");
            try (LocalSystem system = LocalSystem.start(overrides);
                 RedisLink link = RedisLink.open(system.redis())) {
                String task = UUID.randomUUID().toString();
                String channel = "task_response:" + task;
                try (WsTestClient output = WsTestClient.open(HttpClient.newHttpClient(),
                        system.service("gateway").url("ws") + "/ws/output/" + task)) {
                    Poll.require(Duration.ofSeconds(10), () -> link.commands().pubsubNumsub(channel).get(channel) == 1,
                            () -> "never subscribed");
                    // output's Pub/Sub connection drops (a Redis failover, a network blip); input publishes meanwhile
                    assertThat(link.commands().clientKill(KillArgs.Builder.typePubsub()), is(greaterThan(0L)));
                    String result = "{\"status\":\"success\",\"task_id\":\"" + task + "\",\"content\":\"hi\"}";
                    link.commands().setex("task_result:" + task, 60, result);
                    link.commands().publish(channel, result);
                    String frame = output.nextText(Duration.ofSeconds(15));
                    assertThat(frame, containsString("success"));
                }
            }
        }
    }
}
