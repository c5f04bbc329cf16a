package dev.freeagent.vtuber.dialog.replica;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.dialog.TestDialog;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Two dialog replicas with files of their own and one Redis: a conversation continues on whichever replica serves
 * its next turn, and another user's conversation of the same name never sees it.
 */
class SharedMemoryIT {
    private final String prefix = "test:shared:" + UUID.randomUUID() + ":";
    private final FakeOpenAi llm = FakeOpenAi.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void clean() {
        llm.close();
        try (RedisLink redis = RedisLink.open(TestRedis.machine())) {
            KeyScanCursor<String> keys = redis.commands().scan(ScanArgs.Builder.matches(prefix + "*").limit(1000));
            if (!keys.getKeys().isEmpty()) {
                redis.commands().del(keys.getKeys().toArray(String[]::new));
            }
        }
    }

    @Test
    void aConversationContinuesOnAnotherReplica(@TempDir Path a, @TempDir Path b) throws Exception {
        Map<String, String> shared = Map.of("dialog.llm.base-url", llm.baseUrl(), "dialog.memory.shared", "true",
                "dialog.memory.shared-prefix", prefix);
        try (TestDialog.Running first = TestDialog.start(a, shared);
             TestDialog.Running second = TestDialog.start(b, shared)) {
            llm.enqueue(Reply.of("Nice to meet you, Kai!"), Reply.of("You are Kai."), Reply.of("I don't know yet."));
            chat(first, "kai", "My name is Kai.");
            chat(second, "kai", "What is my name?");
            chat(second, "someone-else", "What is my name?");

            List<JsonNode> requests = llm.awaitRequests(3, Duration.ofSeconds(10));
            String onSecond = requests.get(1).path("messages").toString();
            assertThat(onSecond, containsString("My name is Kai."));
            assertThat(onSecond, containsString("Nice to meet you, Kai!"));
            assertThat(requests.get(2).path("messages").toString(), not(containsString("Kai")));
        }
    }

    private void chat(TestDialog.Running dialog, String user, String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(dialog.service().url("http") + "/chat/stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"room-1\",\"userId\":\"" + user
                        + "\",\"content\":\"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.body().contains("event: done"), is(true));
    }
}
