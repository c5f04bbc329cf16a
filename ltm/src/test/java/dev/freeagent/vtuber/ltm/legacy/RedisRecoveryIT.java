package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.ltm.embedding.MiniLmEmbedder;
import dev.freeagent.vtuber.ltm.extraction.FactLimits;
import dev.freeagent.vtuber.ltm.extraction.FirstPersonRule;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.MemorySettings;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.profile.ProfileSettings;
import dev.freeagent.vtuber.ltm.profile.Profiles;
import dev.freeagent.vtuber.ltm.store.MemoryStores;
import dev.freeagent.vtuber.ltm.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The flows start while Redis is down and work once it comes up (an embedded Redis on a free port, started after
 * the flows).
 */
class RedisRecoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void flowsStartedWithoutRedisServeOnceItIsUp() throws Exception {
        int port = EmbeddedRedis.freePort();
        RedisSettings settings = new RedisSettings("127.0.0.1", port, 0, Duration.ofSeconds(2));
        RecordingObserver observer = new RecordingObserver();
        try (MiniLmEmbedder embedder = MiniLmEmbedder.load(1);
             MemoryStore store = MemoryStores.open(new StoreSettings(StoreSettings.Kind.SQLITE, dir.resolve("ltm.sqlite"),
                     "", "", "", 1, true, 64));
             RedisLink serviceLink = RedisLink.open(settings)) {
            MemoryBank bank = new MemoryBank(store, embedder, new FirstPersonRule(new FactLimits(10, 300, 10)),
                    new MemorySettings(5, 50, 0.2, 0.9, 2000, 8000, 20, 256), observer);
            List<AutoCloseable> flows = LegacyFlows.start(LegacyTesting.flows("", dir), serviceLink, bank,
                    new Profiles(store, new ProfileSettings(200, 10, 10_000), Clock.systemUTC()), Clock.systemUTC());
            try (EmbeddedRedis redis = EmbeddedRedis.start(port); RedisLink client = RedisLink.open(settings)) {
                try {
                    ChannelProbe responses = ChannelProbe.subscribe(client, "ltm_responses");
                    client.commands().lpush("ltm_requests", "{\"request_id\":\"r1\",\"type\":\"add\","
                            + "\"user_id\":\"u\",\"data\":{\"content\":\"I love chocolate cake\"}}");
                    JsonNode added = responses.next(WAIT);

                    assertThat(added.path("request_id").asText(), is("r1"));
                    assertThat(added.path("memories").get(0).path("content").asText(), is("I love chocolate cake"));
                    assertThat(observer.awaitWrite(WAIT), is(1));
                    assertThat(memoryUpdateRemembered(client, observer), is(true));
                } finally {
                    // stop the flows while Redis still runs, so they end quietly
                    for (AutoCloseable flow : flows.reversed()) {
                        flow.close();
                    }
                }
            }
        }
    }

    /** The channel subscription comes back on its own retry; publish until someone listens, then wait for the write. */
    private static boolean memoryUpdateRemembered(RedisLink client, RecordingObserver observer) throws Exception {
        String update = "{\"user_id\":\"u\",\"content\":\"I live in a small town near Porto\",\"source\":\"user\"}";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.commands().publish("memory_updates", update) > 0) {
                return observer.awaitWrite(WAIT) == 1;
            }
            observer.wroteWithin(Duration.ofMillis(100));
        }
        return false;
    }
}
