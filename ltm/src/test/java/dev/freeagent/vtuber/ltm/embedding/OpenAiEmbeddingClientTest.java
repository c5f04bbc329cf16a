package dev.freeagent.vtuber.ltm.embedding;

import java.time.Duration;
import java.util.List;

import dev.freeagent.vtuber.ltm.FakeModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenAiEmbeddingClientTest {
    private static FakeModelServer server;
    private static OpenAiEmbeddingClient client;

    @BeforeAll
    static void start() {
        server = FakeModelServer.start();
        client = new OpenAiEmbeddingClient(new EmbeddingSettings(EmbeddingSettings.Provider.OPENAI,
                server.baseUrl() + "/", "sk-test", "fake-embed", 0, Duration.ofSeconds(5), 2, 1));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void answerNormally() {
        server.embeddingStatus(200);
    }

    @Test
    void textsAreSentInBatchesAndVectorsComeBackInOrder() {
        int before = server.requests().size();
        List<Embedding> vectors = client.embed(List.of("red apple", "green pear", "red apple pie"));

        List<FakeModelServer.Recorded> sent = server.requests().subList(before, server.requests().size());
        assertThat(sent.size(), is(2));
        assertThat(sent.getFirst().path(), is("/v1/embeddings"));
        assertThat(sent.getFirst().authorization(), is("Bearer sk-test"));
        assertThat(sent.getFirst().body().path("model").asText(), is("fake-embed"));
        assertThat(sent.getFirst().body().path("input").size(), is(2));
        assertThat(vectors.size(), is(3));
        Embedding apple = Embedding.normalized("fake-embed", FakeModelServer.wordHash("red apple"));
        assertThat(vectors.getFirst().cosine(apple), closeTo(1.0, 1e-6));
        assertThat(vectors.stream().map(Embedding::model).distinct().toList(), contains("fake-embed"));
        assertThat(client.available(), is(true));
    }

    @Test
    void anHttpErrorIsReportedInOurWordsAndMarksTheModelUnavailable() {
        server.embeddingStatus(500);

        EmbeddingUnavailableException failure = assertThrows(EmbeddingUnavailableException.class,
                () -> client.embed("anything"));
        assertThat(failure.getMessage(), is("The embedding model fake-embed at " + server.baseUrl()
                .replace("http://", "").replace("/v1", "") + " answered HTTP 500."));
        assertThat(client.available(), is(false));
        server.embeddingStatus(200);
        client.embed("anything");
        assertThat(client.available(), is(true));
    }
}
