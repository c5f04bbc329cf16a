package dev.freeagent.vtuber.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.server.Service;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.launcher.StoredState.Fact;

import io.helidon.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * A worker that dies in the middle of a batch, end to end: users state facts through the gateway; a worker of the
 * ltm consumer group takes a batch of their {@code LtmWriteRequested} entries, writes some, and dies right after ltm
 * wrote the next one but before acknowledging it. A worker started after it (another consumer name, as a restarted
 * pod gets) takes the dead one's entries over with XAUTOCLAIM. In the end each fact is remembered exactly once, the
 * one written twice was recognised by its correlation id, and nothing is pending.
 */
class WorkerCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** workers.ltm.group's default. */
    private static final String LTM_GROUP = "ltm-workers";
    private static final int BATCH = 10;
    private static final int WRITTEN_BEFORE_CRASH = 3;
    private static final List<String> THINGS = List.of("sailing", "chess", "jazz", "hiking", "origami", "astronomy",
            "pottery", "salsa dancing", "birdwatching", "sushi", "poetry", "rock climbing");
    private static final int USERS = 3;

    @TempDir
    static Path dataDir;

    private static FakeOpenAi llm;
    private static Map<String, String> overrides;
    private static LocalSystem system;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        llm = FakeOpenAi.start();
        overrides = new HashMap<>(TestSystem.overrides(dataDir, llm.baseUrl()));
        overrides.put("workers.ltm.batch-size", String.valueOf(BATCH));
        // only the correlation id may keep a delivered-again turn from being stored twice, not similarity
        overrides.put("ltm.memory.duplicate-threshold", "1.0");
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        TestSystem.forget(overrides);
    }

    @Test
    void entriesOfAWorkerKilledMidBatchAreTakenOverAndEachRememberedExactlyOnce() throws Exception {
        String stream = overrides.get("workers.ltm.stream");
        StoredState stored = new StoredState(system.dataDir());
        // the system's own worker stops first, so that the test decides who reads what
        system.service("workers").close();
        List<Fact> facts = stateFacts();
        try (RedisLink redis = RedisLink.open(TestRedis.machine());
             LtmRelay relay = LtmRelay.start(system.service("ltm").url("http"), WRITTEN_BEFORE_CRASH)) {
            Poll.require(WAIT, () -> redis.commands().xlen(stream) == facts.size() && stored.undeliveredOutboxRows() == 0,
                    () -> redis.commands().xlen(stream) + " of " + facts.size() + " events in " + stream + ", "
                            + stored.undeliveredOutboxRows() + " outbox rows waiting");
            assertThat("nobody has read the events yet", stored.memories(), is(Map.of()));

            try (Worker doomed = Worker.start("doomed", relay.url(), Duration.ofMinutes(10))) {
                assertThat("the doomed worker reached its write number " + (WRITTEN_BEFORE_CRASH + 1),
                        relay.awaitHeld(WAIT), is(true));
            }
            assertThat("the dead worker's batch stays pending, the held entry too",
                    pendingOf(redis, stream, "doomed"), is((long) BATCH - WRITTEN_BEFORE_CRASH));
            assertThat("ltm wrote the held entry's memory", stored.memories().size(), is(WRITTEN_BEFORE_CRASH + 1));

            try (Worker restarted = Worker.start("restarted", system.service("ltm").url("http"), Duration.ofSeconds(1))) {
                Poll.require(SETTLE, () -> stored.memories().keySet().containsAll(facts)
                                && redis.commands().xpending(stream, LTM_GROUP).getCount() == 0,
                        () -> stored.memories().size() + " of " + facts.size() + " facts remembered, "
                                + redis.commands().xpending(stream, LTM_GROUP).getCount() + " entries pending");
                JsonNode consumer = consumerHealth(restarted);
                assertThat("the held entry came again and ltm knew its correlation id: " + consumer,
                        consumer.path("duplicates").asLong(), is(1L));
                assertThat("every other entry was applied once: " + consumer,
                        consumer.path("processed").asLong(), is((long) facts.size() - WRITTEN_BEFORE_CRASH - 1));
                assertThat(consumer.path("dead_lettered").asLong(), is(0L));
            }
            assertThat("no fact remembered twice", stored.memories().values(), everyItem(is(1L)));
            assertThat(stored.memories().keySet(), is(Set.copyOf(facts)));
            assertThat("nothing given up", redis.commands().xlen(stream + ".dead"), is(0L));
        }
    }

    /** Each user states facts in turns through the gateway; the facts ltm's rule keeps, in order. */
    private List<Fact> stateFacts() {
        String gateway = system.service("gateway").url("ws");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < THINGS.size(); i++) {
            String user = "user" + (i % USERS) + "-" + dataDir.getFileName();
            UserTurn turn = UserTurn.send(http, gateway, user, UUID.randomUUID().toString(), "I love " + THINGS.get(i) + ".",
                    WAIT);
            assertThat(turn.toString(), turn.succeeded(), is(true));
            facts.add(new Fact(user, "I love " + THINGS.get(i)));
        }
        return facts;
    }

    private static long pendingOf(RedisLink redis, String stream, String consumer) {
        return redis.commands().xpending(stream, LTM_GROUP).getConsumerMessageCount().getOrDefault(consumer, 0L);
    }

    private JsonNode consumerHealth(Worker worker) throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(worker.service().url("http") + "/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        return Json.parse(health.body()).path("consumers").path(0);
    }

    /**
     * A workers service of the test's own beside the system (another pod of the Deployment), consuming only the ltm
     * stream, with a Redis link of its own. Closing it stops its consumer at once: an entry in hand is interrupted and
     * stays pending, like a process that dies.
     *
     * @param service the running service
     * @param link its Redis link
     */
    private record Worker(Service service, RedisLink link) implements AutoCloseable {
        static Worker start(String consumer, String ltmUrl, Duration minIdle) {
            Map<String, String> own = new HashMap<>(overrides);
            own.put("workers.host", "127.0.0.1");
            own.put("workers.ltm.consumer", consumer);
            own.put("workers.ltm.url", ltmUrl);
            own.put("workers.ltm.min-idle-ms", String.valueOf(minIdle.toMillis()));
            own.put("workers.ltm.claim-interval-ms", "250");
            own.put("workers.analytics.enabled", "false");
            own.put("workers.shutdown-timeout-ms", "200");
            Config config = ServiceConfig.load(own, "workers.yaml");
            RedisLink link = RedisLink.open(RedisSettings.from(config.get("redis")));
            return new Worker(dev.freeagent.vtuber.workers.Main.start(config, link), link);
        }

        @Override
        public void close() {
            service.close();
            link.close();
        }
    }
}
