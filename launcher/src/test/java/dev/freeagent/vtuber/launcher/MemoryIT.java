package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.common.testing.WsTestClient;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;

import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Long-term memory end to end: a fact a user states in one conversation travels through the outbox, the stream,
 * the ltm worker and the real embedding model, and is in the prompt of that user's next conversation, never in
 * another user's.
 */
class MemoryIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        // generous for busy CI machines; the default deadline (150 ms) is what users get
        overrides.put("dialog.ltm.retrieve-timeout-seconds", "5");
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        TestSystem.forget(overrides);
    }

    @Test
    void aFactFromOneConversationIsRecalledInTheNextOneOfTheSameUserOnly() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        llm.enqueue(Reply.of("Noted, chocolate cake it is!"));
        say(alice, "first-" + alice, "I love chocolate cake.");
        awaitMemory(alice, "What dessert does the user like?");

        int before = llm.requests().size();
        llm.enqueue(Reply.of("How about a chocolate cake?"), Reply.of("Maybe some fruit?"));
        say(alice, "second-" + alice, "What dessert should I have tonight?");
        say(bob, "first-" + bob, "What dessert should I have tonight?");
        List<JsonNode> requests = llm.awaitRequests(before + 2, WAIT);

        String alicesPrompt = requests.get(before).path("messages").toString();
        assertThat(alicesPrompt, containsString("Relevant memories:"));
        assertThat(alicesPrompt, containsString("chocolate cake"));
        assertThat("a new conversation has no short-term history",
                requests.get(before).path("messages").size(), is(4));
        assertThat(requests.get(before + 1).path("messages").toString(), not(containsString("chocolate")));
    }

    private void say(String user, String conversation, String text) throws Exception {
        String gateway = system.service("gateway").url("ws");
        try (WsTestClient input = WsTestClient.open(http, gateway + "/ws/input")) {
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, gateway + "/ws/output/" + taskId)) {
                input.sendText("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"" + text
                        + "\",\"userId\":\"" + user + "\",\"sessionId\":\"" + conversation + "\","
                        + "\"meta\":{\"lang\":\"en\"}}");
                input.sendText("{\"action\":\"upload_complete\"}");
                assertThat(Json.parse(output.nextText(WAIT)).path("status").asText(), is("success"));
            }
        }
    }

    /** Waits (bounded) until ltm has stored a memory of the user that answers the query. */
    private static void awaitMemory(String user, String query) throws InterruptedException {
        ManagedChannel channel = GrpcChannels.open(system.service("ltm").url("http"));
        try {
            LongTermMemoryGrpc.LongTermMemoryBlockingStub ltm = LongTermMemoryGrpc.newBlockingStub(channel);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (ltm.withDeadlineAfter(5, TimeUnit.SECONDS).retrieve(RetrieveRequest.newBuilder()
                        .setUserId(user).setQuery(query).build()).getMemoriesCount() > 0) {
                    return;
                }
                channel.awaitTermination(50, TimeUnit.MILLISECONDS);
            }
            throw new AssertionError("ltm never stored a memory of " + user);
        } finally {
            channel.shutdownNow();
        }
    }
}
