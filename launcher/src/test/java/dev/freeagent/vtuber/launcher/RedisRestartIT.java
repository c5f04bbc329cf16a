package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.launcher.StoredState.Fact;

import io.lettuce.core.models.stream.PendingMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * Long-term memory through a Redis outage, end to end: users state facts in a burst of turns through the gateway;
 * in the middle of it Redis stops (turns in flight, turns started while it is down), then starts again on the same
 * port with its data, and the burst goes on. In the end every turn has a clear result, every turn dialog stored is
 * remembered by ltm exactly once, and nothing is left in the outbox or pending in the stream.
 */
class RedisRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** workers.ltm.group's default. */
    private static final String LTM_GROUP = "ltm-workers";
    private static final int USERS = 4;
    private static final int TURNS_PER_USER_AND_PHASE = 2;
    private static final int PHASE = USERS * TURNS_PER_USER_AND_PHASE;
    private static final List<String> THINGS = List.of(
            "sailing", "chess", "jazz", "hiking", "origami", "astronomy", "pottery", "salsa dancing",
            "birdwatching", "sushi", "poetry", "rock climbing", "knitting", "opera", "gardening", "surfing",
            "calligraphy", "volcanoes", "baking bread", "karaoke", "beekeeping", "fencing", "crosswords", "tango",
            "camping", "sculpture", "skateboarding", "tea ceremonies", "archery", "puppetry", "snorkeling", "juggling");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path redisDir;

    private static FakeOpenAi llm;
    private static DurableRedis redis;
    private static Map<String, String> overrides;
    private static LocalSystem system;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> users = IntStream.range(0, USERS)
            .mapToObj(u -> "user" + u + "-" + UUID.randomUUID()).toList();

    @BeforeAll
    static void start() {
        llm = FakeOpenAi.start();
        redis = DurableRedis.start(EmbeddedRedis.freePort(), redisDir);
        overrides = new HashMap<>(TestSystem.overrides(dataDir, llm.baseUrl()));
        overrides.put("redis.host", "127.0.0.1");
        overrides.put("redis.port", String.valueOf(redis.port()));
        // back in touch within a second of Redis' return (the defaults wait up to 30 s and 5 s)
        overrides.put("dialog.outbox.max-backoff-ms", "500");
        overrides.put("workers.redis-retry-max-ms", "500");
        // an entry whose acknowledgement was lost with Redis is delivered again within the test
        overrides.put("workers.ltm.min-idle-ms", "2000");
        overrides.put("workers.ltm.claim-interval-ms", "500");
        // only the correlation id may keep a delivered-again turn from being stored twice, not similarity
        overrides.put("ltm.memory.duplicate-threshold", "1.0");
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        // every key lived in this test's own Redis, whose file goes with its temporary folder
        redis.close();
    }

    @Test
    void everyTurnStoredAcrossARedisRestartIsRememberedExactlyOnce() throws Exception {
        StoredState stored = new StoredState(system.dataDir());
        Burst burst = burstAcrossARestart(stored);

        assertThat("events waited in the outbox while Redis was down", burst.waitingInOutbox(), greaterThan(0L));
        assertThat("turns in flight when Redis stopped get their result once it is back: " + burst.inFlight(),
                burst.inFlight().stream().allMatch(UserTurn::succeeded), is(true));
        assertThat("every turn ends with a success or a clear error",
                burst.turns().stream().filter(t -> !t.succeeded() && !t.failedClearly()).toList(), is(empty()));
        List<UserTurn> failed = burst.turns().stream().filter(UserTurn::failedClearly).toList();
        System.out.println("RedisRestartIT: " + burst.turns().size() + " turns, " + failed.size()
                + " of them failed with an error result: " + failed);
        awaitSettled(stored);
        assertRememberedExactlyOnce(stored, burst.turns());
        // a client that got an error frame asks again with its task id, and gets the result now that Redis is back
        String gateway = system.service("gateway").url("ws");
        for (UserTurn turn : failed) {
            Poll.require(WAIT, () -> turn.fetchAgain(http, gateway, WAIT).succeeded(),
                    () -> "the result of " + turn + " could not be fetched again: " + turn.fetchAgain(http, gateway, WAIT));
        }
    }

    /**
     * Four phases of turns: Redis up; replies being written when Redis stops; turns started while it is down (which
     * stays down until the replies in flight are stored and the new turns had their answer); turns right after it
     * started again.
     */
    private Burst burstAcrossARestart(StoredState stored) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<UserTurn> turns = new ArrayList<>(outcomes(send(clients, 0)));
            assertThat("Redis is up: " + turns, turns.stream().allMatch(UserTurn::succeeded), is(true));
            int asked = llm.requests().size();
            for (int i = 0; i < PHASE; i++) {
                llm.enqueue(Reply.of("Noted!").firstTokenAfter(Duration.ofSeconds(3)));
            }
            List<Future<UserTurn>> inFlight = send(clients, 1);
            llm.awaitRequests(asked + PHASE, WAIT);
            redis.stop();
            List<Future<UserTurn>> duringOutage = send(clients, 2);
            Poll.until(WAIT, () -> duringOutage.stream().allMatch(Future::isDone)
                    && stored.requestedFacts().containsAll(facts(1)));
            long waiting = stored.undeliveredOutboxRows();
            redis.restart();
            List<Future<UserTurn>> after = send(clients, 3);
            List<UserTurn> answeredAfterTheRestart = outcomes(inFlight);
            turns.addAll(answeredAfterTheRestart);
            turns.addAll(outcomes(duringOutage));
            turns.addAll(outcomes(after));
            return new Burst(turns, answeredAfterTheRestart, waiting);
        }
    }

    private void awaitSettled(StoredState stored) {
        try (RedisLink link = RedisLink.open(system.redis())) {
            Poll.require(SETTLE, () -> stored.undeliveredOutboxRows() == 0
                            && stored.memories().keySet().containsAll(stored.requestedFacts())
                            && pending(link).getCount() == 0,
                    () -> "outbox rows waiting " + stored.undeliveredOutboxRows() + ", facts requested "
                            + stored.requestedFacts().size() + ", remembered " + stored.memories().size()
                            + ", stream entries pending " + pending(link).getCount());
        }
    }

    private static void assertRememberedExactlyOnce(StoredState stored, List<UserTurn> turns) {
        List<Fact> requested = stored.requestedFacts();
        Map<Fact, Long> remembered = stored.memories();
        assertThat("each turn dialog stored asks once", Set.copyOf(requested).size(), is(requested.size()));
        assertThat("no fact remembered twice: " + remembered, remembered.values(), everyItem(is(1L)));
        assertThat("the facts of exactly the turns dialog stored", remembered.keySet(), is(Set.copyOf(requested)));
        Set<Fact> succeeded = turns.stream().filter(UserTurn::succeeded).map(RedisRestartIT::fact)
                .collect(Collectors.toSet());
        assertThat("every turn that succeeded was stored", requested.containsAll(succeeded), is(true));
    }

    private List<Future<UserTurn>> send(ExecutorService clients, int phase) {
        String gateway = system.service("gateway").url("ws");
        return facts(phase).stream()
                .map(fact -> clients.submit(() -> UserTurn.send(http, gateway, fact.user(), UUID.randomUUID().toString(),
                        fact.text() + ".", WAIT)))
                .toList();
    }

    /** The facts users state in a phase, two each, every one of them different. */
    private List<Fact> facts(int phase) {
        List<Fact> facts = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < TURNS_PER_USER_AND_PHASE; k++) {
                facts.add(new Fact(users.get(u), "I love " + THINGS.get(phase * PHASE + u * TURNS_PER_USER_AND_PHASE + k)));
            }
        }
        return facts;
    }

    private static List<UserTurn> outcomes(List<Future<UserTurn>> turns) throws Exception {
        List<UserTurn> outcomes = new ArrayList<>();
        for (Future<UserTurn> turn : turns) {
            // each turn bounds its own waits
            outcomes.add(turn.get());
        }
        return outcomes;
    }

    private static Fact fact(UserTurn turn) {
        return new Fact(turn.user(), turn.text().replaceAll("\\.+$", ""));
    }

    private static PendingMessages pending(RedisLink link) {
        return link.commands().xpending(overrides.get("workers.ltm.stream"), LTM_GROUP);
    }

    /**
     * What the burst came to.
     *
     * @param turns every turn's outcome
     * @param inFlight the outcomes of the turns whose replies were being written when Redis stopped
     * @param waitingInOutbox outbox rows waiting for Redis just before it started again
     */
    private record Burst(List<UserTurn> turns, List<UserTurn> inFlight, long waitingInOutbox) {
    }
}
