package dev.freeagent.vtuber.ltm.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.TestLtm;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /v1/memory/retrieve} in the shape the dialog engine's original client sends and reads, the 400s,
 * {@code /health}, readiness and metrics.
 */
class RetrieveRoutesIT {
    @TempDir
    static Path dir;
    private static TestLtm.Running ltm;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALICE = "http-" + UUID.randomUUID();
    private static final String SESSION = "session-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws InterruptedException {
        ltm = TestLtm.start(dir, Map.of("ltm.memory.max-limit", "10", "ltm.memory.max-query-chars", "100"));
        ManagedChannel channel = GrpcChannels.open(ltm.service().url("http"));
        try {
            LongTermMemoryGrpc.LongTermMemoryBlockingStub stub = LongTermMemoryGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS);
            stub.write(WriteRequest.newBuilder().setUserId(ALICE).addFacts("I love chocolate cake")
                    .addFacts("I work as a nurse in Berlin").build());
            stub.write(WriteRequest.newBuilder().setUserId(SESSION).addFacts("I play the violin").build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        ltm.close();
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ltm.service().url("http") + "/v1/memory/retrieve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ltm.service().url("http") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(HttpResponse<String> response) {
        return Json.parse(response.body()).path("detail").asText();
    }

    @Test
    void theOriginalClientsRequestGetsResultsWithContentAndScore() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"s1\",\"query\":\"What dessert does the user like?\","
                + "\"meta\":{\"userId\":\"" + ALICE + "\",\"lang\":\"en\"},\"limit\":1}");

        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), containsString("application/json"));
        JsonNode results = Json.parse(response.body()).path("results");
        assertThat(results.size(), is(1));
        assertThat(results.get(0).path("content").asText(), is("I love chocolate cake"));
        assertThat(results.get(0).path("score").asDouble(), is(greaterThan(0.4)));
    }

    @Test
    void theUserIsUserIdThenMetaThenTheSession() throws Exception {
        String query = "\"query\":\"Which instrument does the user play?\"";
        JsonNode bySession = Json.parse(post("{\"sessionId\":\"" + SESSION + "\"," + query + "}").body());
        JsonNode byUserId = Json.parse(post("{\"userId\":\"" + ALICE + "\",\"sessionId\":\"" + SESSION + "\","
                + query + "}").body());
        JsonNode byMetaUnderscore = Json.parse(post("{\"sessionId\":\"" + SESSION + "\",\"meta\":{\"user_id\":\""
                + ALICE + "\"}," + query + "}").body());

        assertThat(bySession.path("results").get(0).path("content").asText(), is("I play the violin"));
        assertThat(contents(byUserId).contains("I play the violin"), is(false));
        assertThat(contents(byMetaUnderscore).contains("I play the violin"), is(false));
    }

    private static List<String> contents(JsonNode answer) {
        return java.util.stream.StreamSupport.stream(answer.path("results").spliterator(), false)
                .map(r -> r.path("content").asText()).toList();
    }

    @Test
    void badInputIsA400WithOurSentence() throws Exception {
        HttpResponse<String> notJson = post("{nope");
        HttpResponse<String> array = post("[1]");
        HttpResponse<String> noQuery = post("{\"sessionId\":\"s\"}");
        HttpResponse<String> noUser = post("{\"query\":\"cake\"}");
        HttpResponse<String> zeroLimit = post("{\"sessionId\":\"s\",\"query\":\"cake\",\"limit\":0}");
        HttpResponse<String> bigLimit = post("{\"sessionId\":\"s\",\"query\":\"cake\",\"limit\":11}");
        HttpResponse<String> longQuery = post("{\"sessionId\":\"s\",\"query\":\"" + "a".repeat(101) + "\"}");

        for (HttpResponse<String> response : List.of(notJson, array, noQuery, noUser, zeroLimit, bigLimit, longQuery)) {
            assertThat(response.statusCode(), is(400));
        }
        assertThat(detail(notJson), is("The body is not valid JSON."));
        assertThat(detail(array), is("The body must be a JSON object."));
        assertThat(detail(noQuery), is("query is required and must be a non-empty string."));
        assertThat(detail(noUser), is("userId, meta.userId, meta.user_id or sessionId is required."));
        assertThat(detail(zeroLimit), is("limit must be a positive whole number."));
        assertThat(detail(bigLimit), is("The limit must be between 1 and 10 (0 for the default of 5), got 11."));
        assertThat(detail(longQuery), is("The query must be at most 100 characters, got 101."));
    }

    @Test
    void healthReadinessAndMetricsReportTheMemory() throws Exception {
        post("{\"userId\":\"" + ALICE + "\",\"query\":\"cake\"}");
        JsonNode health = Json.parse(get("/health").body());
        HttpResponse<String> ready = get("/observe/health/ready");
        String metrics = get("/observe/metrics").body();

        assertThat(health.path("service").asText(), is("ltm"));
        assertThat(health.path("status").asText(), is("ok"));
        assertThat(health.path("store").asText(), is("sqlite (exact search)"));
        assertThat(health.path("embedding_model").asText(), is("all-MiniLM-L6-v2-q"));
        assertThat(ready.statusCode(), is(200));
        assertThat(ready.body(), containsString("memory-store"));
        assertThat(ready.body(), containsString("embedding-model"));
        assertThat(metrics, containsString("ltm_memories_written"));
        assertThat(metrics, containsString("ltm_memories_retrieved"));
        assertThat(metrics, containsString("ltm_retrieve_latency_seconds_bucket"));
    }
}
