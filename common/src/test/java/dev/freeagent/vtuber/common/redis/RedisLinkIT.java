package dev.freeagent.vtuber.common.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Redis that is down when the service starts, then comes up: the link fails fast meanwhile and works after.
 */
class RedisLinkIT {
    @Test
    void survivesRedisBeingDownAtStartAndComingBack() throws Exception {
        int port = EmbeddedRedis.freePort();
        try (RedisLink link = RedisLink.open(new RedisSettings("127.0.0.1", port, 0, Duration.ofSeconds(2)))) {
            assertThat(link.available(), is(false));
            RedisUnavailableException down = assertThrows(RedisUnavailableException.class, link::commands);
            assertThat(down.getMessage(), containsString("127.0.0.1:" + port));

            try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
                String key = "test:" + UUID.randomUUID();
                awaitAvailable(link);
                link.commands().setex(key, 10, "v");
                assertThat(link.commands().get(key), is("v"));
                link.commands().del(key);
            }
        }
    }

    private static void awaitAvailable(RedisLink link) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // nothing tells a client that a server came up: poll, bounded, without spinning
        while (!link.available()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Redis did not become available within 5 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
