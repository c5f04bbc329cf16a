package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.workers.stream.ConsumerSettings;
import dev.freeagent.vtuber.workers.stream.ConsumerState;
import dev.freeagent.vtuber.workers.stream.EntryOutcome;
import dev.freeagent.vtuber.workers.stream.Handled;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * A consumer started while Redis is down: it does not fail, waits, closes promptly, and starts work once a
 * redis-server appears at the address.
 */
class RedisOutageIT {
    private static final String STREAM = "events.test";

    @Test
    void startsWithRedisDownWaitsAndClosesPromptly() {
        int port = EmbeddedRedis.freePort();
        try (RedisLink link = RedisLink.open(settings(port))) {
            StreamConsumer consumer = StreamConsumer.start(link, consumerSettings(), entry -> Handled.APPLIED,
                    outcome -> { });
            TestStreams.eventually("the consumer waits for Redis",
                    () -> consumer.status().state() == ConsumerState.WAITING_FOR_REDIS);
            assertThat(consumer.status().lastError().orElseThrow(), containsString("127.0.0.1:" + port));
            long started = System.nanoTime();
            consumer.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(1500L));
            assertThat(consumer.status().state(), is(ConsumerState.STOPPED));
        }
    }

    @Test
    void startsWorkingWhenRedisComesUp() throws Exception {
        int port = EmbeddedRedis.freePort();
        Outcomes outcomes = new Outcomes();
        try (RedisLink link = RedisLink.open(settings(port));
             StreamConsumer consumer = StreamConsumer.start(link, consumerSettings(), entry -> Handled.APPLIED,
                     outcomes)) {
            TestStreams.eventually("the consumer waits for Redis",
                    () -> consumer.status().state() == ConsumerState.WAITING_FOR_REDIS);
            try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
                TestStreams.eventually("Redis answers", link::available);
                link.commands().xadd(STREAM, Map.of("n", "1"));
                assertThat(outcomes.next(), is(EntryOutcome.PROCESSED));
                assertThat(consumer.status().state(), is(ConsumerState.READING));
                // stop reading before this Redis goes away, or the consumer would start waiting again
                consumer.close();
            }
        }
    }

    private static RedisSettings settings(int port) {
        return new RedisSettings("127.0.0.1", port, 0, Duration.ofSeconds(2));
    }

    private static ConsumerSettings consumerSettings() {
        return new ConsumerSettings("test", STREAM, "outage", "lonely", 10, Duration.ofMillis(200),
                Duration.ofMillis(150), Duration.ofMillis(50), 3, 1000, Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(2));
    }
}
