package dev.freeagent.vtuber.common.session;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.testing.TestRedis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The session directory against the machine's Redis (random session ids; every entry is unregistered or expires).
 */
class SessionDirectoryIT {
    private static final Duration TTL = Duration.ofSeconds(60);

    private static RedisLink link;
    private static SessionDirectory directory;

    @BeforeAll
    static void open() {
        link = RedisLink.open(TestRedis.machine());
        directory = SessionDirectory.create(link);
    }

    @AfterAll
    static void close() {
        link.close();
    }

    @Test
    void unregisterRemovesOnlyTheEntryOfItsOwnAddress() {
        String session = UUID.randomUUID().toString();
        assertThat(directory.register(session, "10.0.0.1:8002", TTL), is(true));
        assertThat(directory.lookup(session), is(Optional.of("10.0.0.1:8002")));
        assertThat(link.commands().ttl(SessionDirectory.KEY_PREFIX + session), allOf(greaterThan(50L), lessThanOrEqualTo(60L)));

        // the client reconnected to another instance: the first one's late unregister must not erase that
        directory.register(session, "10.0.0.2:8002", TTL);
        assertThat(directory.unregister(session, "10.0.0.1:8002"), is(false));
        assertThat(directory.lookup(session), is(Optional.of("10.0.0.2:8002")));

        assertThat(directory.unregister(session, "10.0.0.2:8002"), is(true));
        assertThat(directory.lookup(session), is(Optional.empty()));
    }

    @Test
    void awaitAnswersAtOnceWhenTheSessionIsAlreadyHeld() {
        String session = UUID.randomUUID().toString();
        directory.register(session, "127.0.0.1:1", TTL);
        try {
            long started = System.nanoTime();
            assertThat(directory.await(session, Duration.ofSeconds(10)), is(Optional.of("127.0.0.1:1")));
            assertThat(millisSince(started), lessThan(1000L));
        } finally {
            directory.unregister(session, "127.0.0.1:1");
        }
    }

    @Test
    void awaitWakesAsSoonAsTheSessionIsRegisteredAndLeavesNoSubscription() throws Exception {
        String session = UUID.randomUUID().toString();
        String channel = SessionDirectory.READY_PREFIX + session;
        CompletableFuture<Optional<String>> first = waitInBackground(session, Duration.ofSeconds(20));
        CompletableFuture<Optional<String>> second = waitInBackground(session, Duration.ofSeconds(20));
        eventually(() -> subscribers(channel) == 1);

        long registered = System.nanoTime();
        directory.register(session, "127.0.0.1:2", TTL);
        try {
            assertThat(first.get(5, TimeUnit.SECONDS), is(Optional.of("127.0.0.1:2")));
            assertThat(second.get(5, TimeUnit.SECONDS), is(Optional.of("127.0.0.1:2")));
            assertThat(millisSince(registered), lessThan(2000L));
            eventually(() -> subscribers(channel) == 0);
        } finally {
            directory.unregister(session, "127.0.0.1:2");
        }
    }

    @Test
    void awaitGivesUpAfterItsTimeout() {
        String session = UUID.randomUUID().toString();
        long started = System.nanoTime();
        assertThat(directory.await(session, Duration.ofMillis(300)), is(Optional.empty()));
        assertThat(millisSince(started), allOf(greaterThanOrEqualTo(300L), lessThan(2000L)));
    }

    @Test
    void aDownRedisMeansNobodyHoldsTheSessionAndNothingHangs() {
        int port = EmbeddedRedis.freePort();
        try (RedisLink down = RedisLink.open(new RedisSettings("127.0.0.1", port, 0, Duration.ofSeconds(2)))) {
            SessionDirectory unreachable = SessionDirectory.create(down);
            long started = System.nanoTime();
            assertThat(unreachable.register("s", "127.0.0.1:3", TTL), is(false));
            assertThat(unreachable.lookup("s"), is(Optional.empty()));
            assertThat(unreachable.await("s", Duration.ofSeconds(10)), is(Optional.empty()));
            assertThat(unreachable.unregister("s", "127.0.0.1:3"), is(false));
            assertThat(millisSince(started), lessThan(1500L));
        }
    }

    private static CompletableFuture<Optional<String>> waitInBackground(String session, Duration timeout) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(directory.await(session, timeout)));
        return result;
    }

    private static long subscribers(String channel) {
        return link.commands().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // Redis tells nobody when a subscription appears: poll, bounded
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
