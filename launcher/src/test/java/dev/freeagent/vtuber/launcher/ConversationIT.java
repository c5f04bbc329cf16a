package dev.freeagent.vtuber.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The whole system in one JVM, driven through the gateway as the original front end drives it, against a
 * fake OpenAI-compatible LLM on loopback.
 */
class ConversationIT {
    @TempDir
    static Path dataDir;

    private static FakeOpenAi llm;
    private static Map<String, String> overrides;
    private static LocalSystem system;

    @BeforeAll
    static void start() {
        llm = FakeOpenAi.start();
        overrides = TestSystem.overrides(dataDir, llm.baseUrl());
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        TestSystem.forget(overrides);
    }

    private static String gateway() {
        return system.service("gateway").url("ws");
    }

    @Test
    void secondTurnPromptContainsTheFirstTurn() throws Exception {
        FrontEnd browser = new FrontEnd(gateway());
        llm.enqueue(FakeOpenAi.Reply.of("Nice to meet you, ", "Lin!"), FakeOpenAi.Reply.of("Your name is Lin."));
        int before = llm.requests().size();

        FrontEnd.Turn first = browser.say("My name is Lin.");
        FrontEnd.Turn second = browser.say("What is my name?");

        assertThat(first.result().path("status").asText(), is("success"));
        assertThat(first.result().path("task_id").asText(), is(first.taskId()));
        assertThat(first.result().path("content").asText(), is("Nice to meet you, Lin!"));
        assertThat(second.result().path("content").asText(), is("Your name is Lin."));
        List<JsonNode> requests = llm.awaitRequests(before + 2, Duration.ofSeconds(5));
        // system messages (persona, and long-term memories once ltm has stored the first turn) aside
        List<String> secondPrompt = messages(requests.get(before + 1)).stream()
                .filter(message -> !message.startsWith("system: ")).toList();
        assertThat(secondPrompt.toString(), secondPrompt.subList(secondPrompt.size() - 3, secondPrompt.size()),
                is(List.of("user: My name is Lin.", "assistant: Nice to meet you, Lin!", "user: What is my name?")));
    }

    @Test
    void twoBrowsersNeverSeeEachOthersTurns() throws Exception {
        FrontEnd alice = new FrontEnd(gateway());
        FrontEnd bob = new FrontEnd(gateway());
        alice.say("My secret is tangerine.");
        int before = llm.requests().size();

        bob.say("What is my secret?");

        JsonNode bobsRequest = llm.awaitRequests(before + 1, Duration.ofSeconds(5)).get(before);
        assertThat(bobsRequest.toString(), not(containsString("tangerine")));
        assertThat(messages(bobsRequest).getLast(), is("user: What is my secret?"));
    }

    @Test
    void llmFailureBecomesAClearErrorResult() throws Exception {
        llm.enqueue(FakeOpenAi.Reply.error(500));

        FrontEnd.Turn turn = new FrontEnd(gateway()).say("Hello?");

        assertThat(turn.result().path("status").asText(), is("error"));
        assertThat(turn.result().path("task_id").asText(), is(turn.taskId()));
        assertThat(turn.result().path("error").asText(), containsString("language model"));
    }

    private static List<String> messages(JsonNode request) {
        List<String> messages = new ArrayList<>();
        request.path("messages").forEach(m -> messages.add(m.path("role").asText() + ": " + m.path("content").asText()));
        return messages;
    }
}
