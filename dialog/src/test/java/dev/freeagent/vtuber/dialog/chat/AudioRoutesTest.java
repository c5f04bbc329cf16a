package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.audio.SpeechSamples;
import dev.freeagent.vtuber.dialog.chat.ChatHttp.OutboxRow;
import dev.freeagent.vtuber.dialog.chat.ChatHttp.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.freeagent.vtuber.dialog.chat.ChatHttp.keys;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * {@code /chat/audio} and {@code /chat/audio/stream} with the contract's mock recogniser and a fake LLM: the exact
 * JSON and SSE shapes, the transcript as the user's message in memory and in the prompt, the outbox events, and
 * every refusal of the contract's table that the recording itself causes, in order.
 */
class AudioRoutesTest {
    @TempDir
    static Path dir;
    private static final String STREAMS = "test:dialog-audio:" + UUID.randomUUID() + ":";
    private static FakeOpenAi fake;
    private static TestDialog.Running dialog;
    private static ChatHttp http;
    private static String silence;
    private static String tooLong;

    @BeforeAll
    static void start() throws IOException {
        fake = FakeOpenAi.start();
        dialog = TestDialog.start(dir, Map.of("dialog.llm.base-url", fake.baseUrl(),
                "dialog.asr.provider", "mock",
                "dialog.asr.max-bytes", "4096",
                "dialog.asr.max-duration-seconds", "2",
                "dialog.outbox.enabled", "true",
                "dialog.outbox.ltm-stream", STREAMS + "ltm",
                "dialog.outbox.analytics-stream", STREAMS + "analytics"));
        http = new ChatHttp(dialog.service().url("http"));
        silence = base64(SpeechSamples.silence(dir.resolve("one.webm"), 1, 16_000));
        tooLong = base64(SpeechSamples.silence(dir.resolve("three.webm"), 3, 16_000));
    }

    @AfterAll
    static void stop() {
        http.close();
        dialog.redis().commands().del(STREAMS + "ltm", STREAMS + "analytics");
        dialog.close();
        fake.close();
    }

    private static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    private static String body(String session, String audio) {
        return "{\"sessionId\":\"" + session + "\",\"userId\":\"alice\",\"audio\":\"" + audio
                + "\",\"contentType\":\"audio/webm\",\"lang\":\"en\",\"turn\":3}";
    }

    @Test
    void answersWithTheContractsKeysInOrderAndRemembersTheTranscript() throws Exception {
        String session = "demo-" + UUID.randomUUID();
        fake.enqueue(Reply.of("Nice", " to hear"));
        HttpResponse<String> response = http.post("/chat/audio", body(session, silence));

        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("application/json"));
        JsonNode json = Json.parse(response.body());
        assertThat(keys(json), contains("sessionId", "transcript", "reply", "stats", "partials"));
        assertThat(keys(json.path("stats")), contains("asr", "chat", "total_latency_ms"));
        assertThat(keys(json.path("stats").path("asr")), contains("provider", "latency_ms", "duration_seconds"));
        assertThat(keys(json.path("stats").path("chat")), contains("ttft_ms", "tokens", "latency_ms"));
        assertThat(json.path("sessionId").asText(), is(session));
        assertThat(json.path("transcript").asText(), is("mock transcription"));
        assertThat(json.path("reply").asText(), is("Nice to hear"));
        assertThat(json.path("partials").toString(), is("[\"mock transcription\"]"));
        JsonNode asr = json.path("stats").path("asr");
        assertThat(asr.path("provider").asText(), is("mock"));
        assertThat(asr.path("duration_seconds").asDouble(), is(closeTo(1.0, 0.05)));
        assertThat(json.path("stats").path("chat").path("tokens").asInt(), is(3));
        assertThat(json.path("stats").path("total_latency_ms").asDouble(),
                is(greaterThan(json.path("stats").path("chat").path("latency_ms").asDouble() - 0.1)));

        // the next turn of the session sees the transcript as the user's message (it waits for the first's write)
        http.post("/chat/stream", "{\"sessionId\":\"" + session + "\",\"userId\":\"alice\",\"content\":\"and now?\"}");
        JsonNode next = lastUserMessage("and now?");
        List<String> history = roles(next);
        assertThat(history, hasItem("user:mock transcription"));
        assertThat(history, hasItem("assistant:Nice to hear"));
        // the recording's language is the reply's when the meta names none
        assertThat(roles(lastUserMessage("mock transcription")), hasItem("system:Reply in English."));

        List<OutboxRow> rows = ChatHttp.outbox(dir.resolve("dialog_memory.sqlite"), session);
        assertThat(rows.stream().map(OutboxRow::type).toList().subList(0, 3),
                contains("LtmWriteRequested", "AnalyticsChatStats", "AnalyticsAsrStats"));
        assertThat(rows.getFirst().payload().path("payload").path("text").asText(), is("mock transcription"));
        JsonNode asrStats = rows.get(2).payload();
        assertThat(keys(asrStats), contains("correlationId", "sessionId", "turn", "provider", "latency_ms",
                "duration_seconds", "ts"));
        assertThat(asrStats.path("correlationId").asText(), is(session + "#1"));
        assertThat(asrStats.path("provider").asText(), is("mock"));
        assertThat(asrStats.path("latency_ms").asDouble(), is(asr.path("latency_ms").asDouble()));
        assertThat(asrStats.path("duration_seconds").asDouble(), is(closeTo(1.0, 0.05)));
    }

    private static JsonNode lastUserMessage(String text) {
        return fake.requests().stream()
                .filter(r -> r.path("messages").path(r.path("messages").size() - 1).path("content").asText().equals(text))
                .findFirst().orElseThrow().path("messages");
    }

    private static List<String> roles(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false)
                .map(m -> m.path("role").asText() + ":" + m.path("content").asText()).toList();
    }

    @Test
    void streamsWhatWasHeardThenTheReplyThenDone() throws Exception {
        String session = "stream-" + UUID.randomUUID();
        fake.enqueue(Reply.of("Got", " it"));
        HttpResponse<String> response = http.post("/chat/audio/stream", body(session, silence));

        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("text/event-stream; charset=utf-8"));
        List<SseEvent> events = ChatHttp.events(response.body());
        assertThat(events.stream().map(SseEvent::name).toList(), contains("asr-final", "text-delta", "text-delta",
                "done"));
        assertThat(events.get(0).data(), is("{\"text\":\"mock transcription\"}"));
        assertThat(events.get(1).data(), is("{\"content\":\"Got\",\"eos\":false}"));
        JsonNode done = events.get(3).json();
        assertThat(keys(done), contains("sessionId", "transcript", "reply", "stats"));
        assertThat(done.path("transcript").asText(), is("mock transcription"));
        assertThat(done.path("reply").asText(), is("Got it"));
        assertThat(keys(done.path("stats")), contains("asr", "chat", "total_latency_ms"));
    }

    private static void assertRefused(String path, String body, int status, String detail) throws Exception {
        HttpResponse<String> response = http.post(path, body);
        assertThat(path + " " + body, response.statusCode(), is(status));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("application/json"));
        assertThat(response.body(), is("{\"detail\":\"" + detail + "\"}"));
    }

    @Test
    void refusesWhatIsNotARequestBeforeAnyEvent() throws Exception {
        for (String path : List.of("/chat/audio", "/chat/audio/stream")) {
            assertRefused(path, "{not json", 400, "invalid json");
            assertRefused(path, "[1]", 400, "invalid json");
            assertRefused(path, "{\"sessionId\":\"s\"}", 400, "audio required");
            assertRefused(path, "{\"audio\":5}", 400, "audio required");
            assertRefused(path, "{\"audio\":\"   \"}", 400, "audio required");
        }
    }

    @Test
    void acceptsOnlyStrictBase64() throws Exception {
        assertRefused("/chat/audio", "{\"audio\":\"QUJD\"}", 400, "unsupported audio");
        assertRefused("/chat/audio", "{\"audio\":\"QUJ\"}", 400, "invalid audio encoding");
        assertRefused("/chat/audio", "{\"audio\":\"QU!D\"}", 400, "invalid audio encoding");
        assertRefused("/chat/audio", "{\"audio\":\"QUJD\\nREVG\"}", 400, "invalid audio encoding");
        assertRefused("/chat/audio", "{\"audio\":\"QU-_\"}", 400, "invalid audio encoding");
    }

    @Test
    void refusesRecordingsOverTheLimitsAndUnreadableOnes() throws Exception {
        String oneByteTooMany = Base64.getEncoder().encodeToString(new byte[4097]);
        assertRefused("/chat/audio", body("s", oneByteTooMany), 413, "audio payload too large");
        assertRefused("/chat/audio/stream", body("s", tooLong), 413, "audio payload too large");
        String notAudio = Base64.getEncoder().encodeToString("this is not a recording at all".repeat(20).getBytes());
        assertRefused("/chat/audio/stream", body("s", notAudio), 400, "unsupported audio");
        String hugeBody = "{\"audio\":\"" + "A".repeat(200_000) + "\"}";
        assertRefused("/chat/audio", hugeBody, 413, "audio payload too large");
    }
}
