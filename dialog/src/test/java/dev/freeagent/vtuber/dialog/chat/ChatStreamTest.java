package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

class ChatStreamTest {
    @TempDir
    static Path dir;
    private static FakeOpenAi fake;
    private static TestDialog.Running dialog;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        fake = FakeOpenAi.start();
        dialog = TestDialog.start(dir, Map.of("dialog.llm.base-url", fake.baseUrl()));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        dialog.close();
        fake.close();
    }

    private static HttpResponse<String> post(String base, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/chat/stream"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(dialog.service().url("http"), body);
    }

    @Test
    void framesEventsExactlyAsTheContract() throws Exception {
        fake.enqueue(Reply.of("你好", "呀"));
        HttpResponse<String> response = post("""
                {"sessionId":"live-001","turn":42,"type":"TEXT","content":"今晚玩什么？","meta":{"lang":"zh"}}""");
        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("text/event-stream; charset=utf-8"));
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow(), is("no-cache"));
        String body = response.body();
        assertThat(body, startsWith("event: text-delta\ndata: {\"content\":\"你好\",\"eos\":false}\n\n"
                + "event: text-delta\ndata: {\"content\":\"呀\",\"eos\":false}\n\nevent: done\ndata: {\"stats\":{\"ttft_ms\":"));
        assertThat(body, endsWith(",\"tokens\":2}}\n\n"));
        String done = body.substring(body.indexOf("event: done\ndata: ") + "event: done\ndata: ".length()).trim();
        JsonNode stats = Json.parse(done).path("stats");
        assertThat(stats.path("ttft_ms").isNumber(), is(true));
        assertThat(stats.path("ttft_ms").asDouble(), is(greaterThan(0.0)));
    }

    @Test
    void aNamedSessionKeepsItsHistoryAndUnnamedOnesShareNothing() throws Exception {
        String session = "s-" + System.nanoTime();
        post("{\"sessionId\":\"" + session + "\",\"content\":\"first " + session + "\"}");
        post("{\"sessionId\":\"" + session + "\",\"content\":\"second " + session + "\"}");
        post("{\"content\":\"lonely one " + session + "\"}");
        post("{\"content\":\"lonely two " + session + "\"}");
        assertThat(messagesFor("second " + session), is(4));
        assertThat(messagesFor("lonely two " + session), is(2));
    }

    private static int messagesFor(String userText) {
        return fake.requests().stream()
                .map(r -> r.path("messages"))
                .filter(m -> m.path(m.size() - 1).path("content").asText().equals(userText))
                .findFirst().orElseThrow().size();
    }

    @Test
    void blankContentIsRejected() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"s\",\"content\":\"   \"}");
        assertThat(response.statusCode(), is(400));
        assertThat(response.body(), is("{\"detail\":\"content required\"}"));
        assertThat(post("{\"content\":5}").body(), is("{\"detail\":\"content required\"}"));
    }

    @Test
    void unparsableJsonIsRejected() throws Exception {
        HttpResponse<String> response = post("{not json");
        assertThat(response.statusCode(), is(400));
        assertThat(response.body(), is("{\"detail\":\"invalid json\"}"));
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsRejected() throws Exception {
        HttpResponse<String> response = post("[1]");
        assertThat(response.statusCode(), is(400));
        assertThat(response.body(), is("{\"detail\":\"invalid json\"}"));
    }

    @Test
    void aModelFailureEndsTheStreamWithAnErrorEvent(@TempDir Path other) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (TestDialog.Running down = TestDialog.start(other, Map.of(
                "dialog.llm.base-url", "http://127.0.0.1:" + port + "/v1", "dialog.llm.retry-limit", "0"))) {
            HttpResponse<String> response = post(down.service().url("http"), "{\"content\":\"hello?\"}");
            assertThat(response.statusCode(), is(200));
            assertThat(response.body(), is("event: error\ndata: {\"message\":\"The language model at 127.0.0.1:"
                    + port + " could not be reached.\"}\n\n"));
        }
    }

    @Test
    void healthReportsTheResponder() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(dialog.service().url("http") + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), is("{\"status\":\"ok\",\"service\":\"dialog-engine\",\"version\":\"0.1.0\","
                + "\"async_ext\":false,\"tts_provider\":\"tone\",\"asr_enabled\":true,\"asr_provider\":\"pocketsphinx\","
                + "\"llm\":\"openai-compatible\"}"));
    }

    @Test
    void withoutAModelTheScriptedReplyIsStreamed(@TempDir Path other) throws Exception {
        try (TestDialog.Running scripted = TestDialog.start(other, Map.of())) {
            HttpResponse<String> response = post(scripted.service().url("http"), "{\"content\":\"你好\"}");
            assertThat(response.body(), startsWith("event: text-delta\ndata: {\"content\":\"你说「你好」"));
            assertThat(response.body(), containsString("（提示：尚未配置大语言模型，这是预设回复。）"));
            assertThat(response.body(), containsString("event: done\n"));
        }
    }
}
