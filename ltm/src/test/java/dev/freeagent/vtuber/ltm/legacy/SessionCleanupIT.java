package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * Old messages leave the bridge's lists by SCAN and LTRIM: order, TTL and unreadable items are kept.
 */
class SessionCleanupIT {
    private static final String PREFIX = "ltm-cleanup-test:" + UUID.randomUUID() + ":";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static RedisLink link;

    @BeforeAll
    static void open() {
        link = RedisLink.open(TestRedis.machine());
    }

    @AfterAll
    static void close() {
        ScanIterator.scan(link.commands(), ScanArgs.Builder.matches(PREFIX + "*")).stream()
                .forEach(key -> link.commands().del(key));
        link.close();
    }

    private static String message(String content, String timestamp) {
        return "{\"content\":\"" + content + "\",\"timestamp\":\"" + timestamp + "\"}";
    }

    @Test
    void messagesOlderThanTheMaximumAgeAreDroppedInPlace() {
        String alice = PREFIX + "memory:user_sessions:alice";
        String bob = PREFIX + "memory:user_sessions:bob";
        String global = PREFIX + "memory:global_context";
        // lists are newest first: RPUSH in that order
        link.commands().rpush(alice, message("new", "2026-03-10T11:00:00"), message("odd", "not a time"),
                message("old", "2026-03-07T11:00:00.5"), message("older", "2026-03-01T00:00:00"));
        link.commands().expire(alice, 3600);
        link.commands().rpush(bob, message("old", "2026-03-01T00:00:00"));
        link.commands().rpush(global, message("new", "2026-03-10T11:59:00Z"), message("old", "2026-03-08T11:00:00Z"));
        link.commands().set(PREFIX + "memory:user_sessions:not-a-list", "x");

        int dropped = new SessionCleanup(link, LegacyTesting.bridge(PREFIX, Path.of("/tmp"), 100), Duration.ofSeconds(1), NOW).cleanOnce();

        assertThat(dropped, is(4));
        List<String> left = link.commands().lrange(alice, 0, -1);
        assertThat(left, contains(message("new", "2026-03-10T11:00:00"), message("odd", "not a time")));
        assertThat(link.commands().ttl(alice), is(greaterThan(0L)));
        assertThat(link.commands().exists(bob), is(0L));
        assertThat(link.commands().lrange(global, 0, -1), contains(message("new", "2026-03-10T11:59:00Z")));
        assertThat(link.commands().get(PREFIX + "memory:user_sessions:not-a-list"), is("x"));
    }
}
