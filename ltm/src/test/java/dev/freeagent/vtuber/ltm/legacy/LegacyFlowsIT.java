package dev.freeagent.vtuber.ltm.legacy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

/**
 * The legacy flows as the service wires them ({@link LegacyFlows}), against the machine's Redis on keys of this
 * run, with the real MiniLM and a SQLite store.
 */
class LegacyFlowsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PREFIX = "ltm-test:" + UUID.randomUUID() + ":";

    @TempDir
    static Path dir;
    private static MiniLmEmbedder embedder;
    private static MemoryStore store;
    private static MemoryBank bank;
    private static RecordingObserver observer;
    private static RedisLink serviceLink;
    private static RedisLink client;
    private static List<AutoCloseable> flows;
    private static ChannelProbe responses;
    private static ChannelProbe updates;
    private static final Map<String, JsonNode> UNCLAIMED = new HashMap<>();

    @BeforeAll
    static void start() {
        embedder = MiniLmEmbedder.load(2);
        store = MemoryStores.open(new StoreSettings(StoreSettings.Kind.SQLITE, dir.resolve("ltm.sqlite"), "", "", "", 1,
                true, 64));
        observer = new RecordingObserver();
        bank = new MemoryBank(store, embedder, new FirstPersonRule(new FactLimits(10, 300, 10)),
                new MemorySettings(5, 50, 0.2, 0.9, 2000, 8000, 20, 256), observer);
        serviceLink = RedisLink.open(TestRedis.machine());
        client = RedisLink.open(TestRedis.machine());
        responses = ChannelProbe.subscribe(client, PREFIX + "ltm_responses");
        updates = ChannelProbe.subscribe(client, PREFIX + "memory_updates");
        flows = LegacyFlows.start(LegacyTesting.flows(PREFIX, dir), serviceLink, bank,
                new Profiles(store, new ProfileSettings(200, 10, 10_000), Clock.systemUTC()), Clock.systemDefaultZone());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable flow : flows.reversed()) {
            flow.close();
        }
        ScanIterator.scan(client.commands(), ScanArgs.Builder.matches(PREFIX + "*")).stream()
                .forEach(key -> client.commands().del(key));
        client.close();
        serviceLink.close();
        store.close();
        embedder.close();
    }

    @BeforeEach
    void forgetEarlierWrites() {
        observer.clear();
    }

    private static JsonNode request(String id, String type, String user, String data) throws InterruptedException {
        client.commands().lpush(PREFIX + "ltm_requests", "{\"request_id\":\"" + id + "\",\"type\":\"" + type
                + "\",\"user_id\":\"" + user + "\",\"data\":" + data + "}");
        return response(id);
    }

    /** Responses may arrive in any order (requests run concurrently); others are kept for their own wait. */
    private static JsonNode response(String id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!UNCLAIMED.containsKey(id)) {
            JsonNode next = responses.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            UNCLAIMED.put(next.path("request_id").asText(), next);
        }
        return UNCLAIMED.remove(id);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void addThenSearchThenProfilesInTheRuntimeSchema() throws InterruptedException {
        String user = "legacy-" + UUID.randomUUID();
        JsonNode added = request("r1-" + user, "add", user, "{\"content\":\"I love chocolate cake\","
                + "\"metadata\":{\"source\":\"chat\",\"session_id\":\"s9\"}}");
        JsonNode addedAgain = request("r1-" + user, "add", user, "{\"content\":\"I love chocolate cake\"}");
        request("r2-" + user, "add", user, "{\"content\":\"I work as a software engineer\"}");
        JsonNode found = request("r3-" + user, "search", user,
                "{\"query\":\"What dessert does the user like?\",\"limit\":1}");
        JsonNode updated = request("r4-" + user, "profile_update", user, "{\"updates\":{\"nickname\":\"Al\"}}");
        JsonNode profile = request("r5-" + user, "profile_get", user, "{}");

        assertThat(fields(added), contains("request_id", "user_id", "success", "memories"));
        assertThat(added.path("success").asBoolean(), is(true));
        assertThat(added.path("memories").get(0).path("content").asText(), is("I love chocolate cake"));
        assertThat(addedAgain.path("memories").size(), is(0));
        assertThat(found.path("memories").size(), is(1));
        JsonNode memory = found.path("memories").get(0);
        assertThat(memory.path("memory").asText(), is("I love chocolate cake"));
        assertThat(memory.path("score").asDouble(), is(greaterThan(0.4)));
        assertThat(memory.path("metadata").path("session_id").asText(), is("s9"));
        assertThat(memory.path("metadata").path("source").asText(), is("chat"));
        assertThat(fields(updated), contains("request_id", "user_id", "success", "user_profile"));
        assertThat(updated.path("user_profile").path("nickname").asText(), is("Al"));
        assertThat(profile.path("user_profile").path("nickname").asText(), is("Al"));
        assertThat(profile.path("user_profile").path("preferences").get(0).asText(), is("chocolate cake"));
        assertThat(profile.path("user_profile").path("context_info").get(0).asText(), is("software engineer"));
    }

    @Test
    void failuresAnswerSuccessFalseWithAnError() throws InterruptedException {
        client.commands().lpush(PREFIX + "ltm_requests", "not json at all");
        JsonNode unknown = request("u1", "unknown", "someone", "{}");
        JsonNode emptyQuery = request("u2", "search", "someone", "{\"query\":\"\"}");
        JsonNode noUser = request("u3", "search", "", "{\"query\":\"cake\"}");

        assertThat(fields(unknown), contains("request_id", "user_id", "success", "error"));
        assertThat(unknown.path("success").asBoolean(), is(false));
        assertThat(unknown.path("error").asText(), is("unknown_request_type:unknown"));
        assertThat(emptyQuery.path("error").asText(), is("A query is required."));
        assertThat(noUser.path("error").asText(), is("A user id is required."));
        assertThat(UNCLAIMED.keySet(), not(hasItem("")));
    }

    @Test
    void aUsersMemoryUpdateIsRememberedAndTheCharactersIsNot() throws InterruptedException {
        String user = "updates-" + UUID.randomUUID();
        String channel = PREFIX + "memory_updates";
        client.commands().publish(channel, "{\"event_type\":\"memory_update\",\"user_id\":\"" + user + "\","
                + "\"message_id\":\"m0\",\"source\":\"ai\",\"content\":\"I love walking dogs too.\"}");
        String fromUser = "{\"event_type\":\"memory_update\",\"user_id\":\"" + user + "\",\"message_id\":\"m1\","
                + "\"source\":\"user\",\"content\":\"I have a golden retriever named Max.\","
                + "\"timestamp\":\"2025-10-02T12:00:00.123456\",\"task_id\":\"t1\"}";
        client.commands().publish(channel, fromUser);
        assertThat(observer.awaitWrite(WAIT), is(1));
        client.commands().publish(channel, fromUser);
        assertThat(observer.awaitWrite(WAIT), is(0));

        List<String> remembered = store.recent(user, 10).stream().map(m -> m.content() + "@" + m.sessionId()).toList();
        assertThat(remembered, contains("I have a golden retriever named Max@t1"));
    }

    @Test
    void aQueuedUserInputIsKeptInTheListsAnnouncedAndRemembered() throws InterruptedException {
        String user = "bridge-" + UUID.randomUUID();
        client.commands().lpush(PREFIX + "user_input_queue", "{\"task_id\":\"t7\",\"type\":\"text\",\"user_id\":\""
                + user + "\",\"content\":\" I am learning to play the guitar \",\"meta\":{\"trace_id\":\"tr\"}}");

        JsonNode announced = updates.nextFor(user, WAIT);
        assertThat(announced.path("event_type").asText(), is("memory_update"));
        assertThat(announced.path("user_id").asText(), is(user));
        assertThat(announced.path("content").asText(), is("I am learning to play the guitar"));
        assertThat(announced.path("meta").path("session_id").asText(), is("t7"));
        assertThat(announced.path("require_ai_response").asBoolean(), is(true));
        assertThat(observer.awaitWrite(WAIT), is(1));
        String key = PREFIX + "memory:user_sessions:" + user;
        JsonNode stored = Json.parse(client.commands().lindex(key, 0));
        assertThat(stored.path("message_id").asText(), is(announced.path("message_id").asText()));
        assertThat(stored.path("metadata").path("trace_id").asText(), is("tr"));
        assertThat(client.commands().ttl(key), is(lessThanOrEqualTo(86_400L)));
        assertThat(client.commands().ttl(key), is(greaterThan(0L)));
        assertThat(client.commands().lindex(PREFIX + "memory:global_context", 0), is(client.commands().lindex(key, 0)));
        assertThat(bank.retrieve(user, "Which instrument is the user learning?", 1).getFirst().memory().content(),
                is("I am learning to play the guitar"));
    }

    @Test
    void aCharacterReplyIsKeptInTheListsButNotRemembered() throws InterruptedException {
        String user = "bridge-ai-" + UUID.randomUUID();
        client.commands().publish(PREFIX + "ai_responses", "{\"user_id\":\"" + user + "\",\"text\":\"I love guitars!\","
                + "\"original_message_id\":\"" + user + "_1\"}");

        JsonNode announced = updates.nextFor(user, WAIT);
        assertThat(announced.path("source").asText(), is("ai"));
        JsonNode stored = Json.parse(client.commands().lindex(PREFIX + "memory:user_sessions:" + user, 0));
        assertThat(stored.path("type").asText(), is("text"));
        assertThat(stored.path("require_ai_response").asBoolean(), is(false));
        assertThat(stored.path("metadata").path("original_message_id").asText(), is(user + "_1"));
        assertThat(store.recent(user, 10).isEmpty(), is(true));
    }
}
