package dev.freeagent.vtuber.ltm.extraction;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.ltm.FakeModelServer;
import dev.freeagent.vtuber.ltm.FakeModelServer.ChatReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Extraction against a fake OpenAI-compatible chat server on loopback (non-streaming JSON).
 */
class FactExtractionClientTest {
    private static final FactLimits LIMITS = new FactLimits(5, 100, 3);
    private static final TurnText TURN = new TurnText("Hello! I love chocolate cake. What about you?",
            "I like tea.", "en");
    private static FakeModelServer server;
    private static FactExtractionClient client;
    private static FactExtractionClient impatient;

    @BeforeAll
    static void start() {
        server = FakeModelServer.start();
        client = client(Duration.ofSeconds(10));
        impatient = client(Duration.ofMillis(500));
    }

    private static FactExtractionClient client(Duration timeout) {
        return new FactExtractionClient(new ExtractionSettings(Optional.empty(), server.baseUrl(), "sk-x",
                "tiny-model", timeout, LIMITS), new FirstPersonRule(LIMITS));
    }

    @AfterAll
    static void stop() {
        client.close();
        impatient.close();
        server.close();
    }

    @BeforeEach
    void noRepliesLeftOver() {
        server.clearReplies();
    }

    private static JsonNode lastChatRequest() {
        List<FakeModelServer.Recorded> requests = server.requests();
        return requests.getLast().body();
    }

    @Test
    void theModelsJsonArrayIsTheFactsAndTheRequestIsNonStreaming() {
        server.enqueue(ChatReply.of("[\"I love chocolate cake.\", \"I love chocolate cake\", \"x\"]"));

        assertThat(client.facts(TURN), contains("I love chocolate cake"));
        JsonNode request = lastChatRequest();
        assertThat(request.path("stream").asBoolean(true), is(false));
        assertThat(request.path("model").asText(), is("tiny-model"));
        assertThat(request.path("messages").get(0).path("role").asText(), is("system"));
        assertThat(request.path("messages").get(1).path("content").asText(),
                is("User: Hello! I love chocolate cake. What about you?\nCharacter: I like tea."));
        assertThat(server.requests().getLast().authorization(), is("Bearer sk-x"));
    }

    @Test
    void anArrayInsideAFenceOrProseIsFound() {
        server.enqueue(ChatReply.of("Here you go:\n```json\n[\"I have a dog named Rex\"]\n```"));

        assertThat(client.facts(TURN), contains("I have a dog named Rex"));
    }

    @Test
    void anEmptyArrayMeansNothingToRemember() {
        server.enqueue(ChatReply.of("[]"));

        assertThat(client.facts(TURN).isEmpty(), is(true));
    }

    @Test
    void anHttpErrorFallsBackToTheRule() {
        server.enqueue(ChatReply.error(503));

        assertThat(client.facts(TURN), contains("I love chocolate cake"));
    }

    @Test
    void anAnswerThatIsNotAnArrayOfSentencesFallsBackToTheRule() {
        server.enqueue(ChatReply.of("I think the user likes cake."), ChatReply.of("[1, 2]"));

        assertThat(client.facts(TURN), contains("I love chocolate cake"));
        assertThat(client.facts(TURN), contains("I love chocolate cake"));
    }

    @Test
    void aSlowModelFallsBackToTheRuleWithinTheTimeout() {
        server.enqueue(ChatReply.of("[\"late\"]").after(Duration.ofSeconds(30)));
        long start = System.nanoTime();

        assertThat(impatient.facts(TURN), contains("I love chocolate cake"));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(10_000L)));
    }

    @Test
    void anEmptyUserTextAsksNobody() {
        int before = server.requests().size();

        assertThat(client.facts(new TurnText(" ", "I like tea.", "")).isEmpty(), is(true));
        assertThat(server.requests().size(), is(before));
    }

    @Test
    void theInstructionsAskForAJsonArrayOfFactsAboutTheUser() {
        server.enqueue(ChatReply.of("[]"));
        client.facts(TURN);

        assertThat(lastChatRequest().path("messages").get(0).path("content").asText(),
                containsString("JSON array of strings"));
    }
}
