package dev.freeagent.vtuber.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The voice path end to end through the gateway: a reply is spoken while it is written (streamed PCM with text
 * deltas for a client that opts in, one WAV for the original front end), barge-in stops exactly the session it
 * names, and the original {@code e2e_stop_latency.py} flow ({@code /tts/mock} + {@code /control/stop}) works.
 */
class VoiceIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> REPLY = List.of("Hello there, friend. ", "This is the first sentence. ",
            "And here ", "comes ", "the second ", "one. ", "Goodbye!");

    @TempDir
    static Path dataDir;

    private static FakeOpenAi llm;
    private static Map<String, String> overrides;
    private static LocalSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

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

    @Test
    void aStreamingClientHearsTheReplyWhileItIsWritten() throws Exception {
        llm.enqueue(Reply.of(REPLY.toArray(String[]::new)).spacedBy(Duration.ofMillis(80)));
        List<Object> frames = turn(visitor(), "Say something.", "?stream=1", socket -> { });

        List<String> kinds = kinds(frames);
        int firstAudio = kinds.indexOf("audio_chunk");
        int lastDelta = kinds.lastIndexOf("text_delta");
        int success = kinds.indexOf("success");
        assertThat("audio starts before the LLM has finished: " + kinds, firstAudio, is(lessThan(lastDelta)));
        // END and the success frame come in either order (speech may end before the result is published); the
        // socket closes normally once both are out
        assertThat(kinds.getLast(), is("close 1000"));
        assertThat(kinds.contains("END"), is(true));
        assertThat(success, is(greaterThan(0)));
        JsonNode chunk = json(frames.get(firstAudio));
        assertThat(chunk.path("format").asText(), is("pcm_s16le"));
        assertThat(chunk.path("sample_rate").asInt(), is(16000));
        assertThat(chunk.path("total_chunks").isNull(), is(true));
        assertThat(frames.get(firstAudio + 1) instanceof byte[], is(true));
        JsonNode result = json(frames.get(success));
        assertThat(result.path("audio_present").asBoolean(), is(true));
        assertThat(result.path("content").asText(), is(String.join("", REPLY)));
        StringBuilder deltas = new StringBuilder();
        frames.stream().filter(f -> f instanceof String).map(VoiceIT::json)
                .filter(j -> "text_delta".equals(j.path("type").asText()))
                .forEach(j -> deltas.append(j.path("content").asText()));
        assertThat(deltas.toString(), is(String.join("", REPLY)));
    }

    @Test
    void theOriginalFrontEndGetsTheSuccessFrameThenOneWavFile() throws Exception {
        llm.enqueue(Reply.of("Short and sweet."));
        List<Object> frames = turn(visitor(), "Hi.", "", socket -> { });

        List<String> kinds = kinds(frames);
        assertThat(kinds.getFirst(), is("success"));
        assertThat(json(frames.getFirst()).path("audio_present").asBoolean(), is(true));
        JsonNode chunk = json(frames.get(1));
        assertThat(chunk.path("type").asText(), is("audio_chunk"));
        assertThat(chunk.path("chunk_id").asInt(), is(0));
        int total = chunk.path("total_chunks").asInt();
        byte[] first = (byte[]) frames.get(2);
        assertThat(new String(first, 0, 4, StandardCharsets.US_ASCII), is("RIFF"));
        assertThat(kinds.subList(kinds.size() - 2, kinds.size()), contains("audio_complete", "close 1000"));
        assertThat(kinds.stream().filter("audio_chunk"::equals).count(), is((long) total));
        assertThat(kinds.contains("text_delta"), is(false));
    }

    @Test
    void bargeInStopsThatReplyAndMemoryKeepsWhatWasSent() throws Exception {
        List<String> longReply = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            longReply.add("Sentence number " + i + ". ");
        }
        llm.enqueue(Reply.of(longReply.toArray(String[]::new)).spacedBy(Duration.ofMillis(60)));
        String[] stopAnswer = new String[1];
        String visitor = visitor();
        List<Object> frames = turn(visitor, "Tell me a long story.", "?stream=1", socket -> {
            stopAnswer[0] = post(system.service("gateway").url("http") + "/control/stop",
                    "{\"sessionId\":\"" + socket + "\"}").body();
        });

        assertThat(stopAnswer[0], is("{\"ok\":true}"));
        List<String> kinds = kinds(frames);
        int ack = kinds.indexOf("STOP_ACK");
        assertThat(kinds.toString(), ack, is(greaterThan(0)));
        assertThat("no audio after STOP_ACK: " + kinds, kinds.subList(ack, kinds.size()).contains("audio_chunk"),
                is(false));
        JsonNode result = frames.stream().filter(f -> f instanceof String).map(VoiceIT::json)
                .filter(j -> "success".equals(j.path("status").asText())).findFirst().orElseThrow();
        String kept = result.path("content").asText();
        assertThat(kept, startsWith("Sentence number 0."));
        assertThat(kept.length(), is(lessThan(String.join("", longReply).length())));

        int before = llm.requests().size();
        llm.enqueue(Reply.of("Sure."));
        turn(visitor, "Go on.", "?stream=1", socket -> { });
        JsonNode next = llm.awaitRequests(before + 1, WAIT).get(before);
        assertThat(next.toString(), not(org.hamcrest.Matchers.containsString("Sentence number 39.")));
        assertThat(next.toString(), org.hamcrest.Matchers.containsString(kept.trim()));
    }

    @Test
    void theOriginalStopLatencyScriptFlowWorksAndStopsOnlyItsSession() throws Exception {
        String gatewayWs = system.service("gateway").url("ws");
        String dialog = system.service("dialog").url("http");
        String stopped = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (WsTestClient one = WsTestClient.open(http, gatewayWs + "/ws/output/" + stopped);
             WsTestClient two = WsTestClient.open(http, gatewayWs + "/ws/output/" + other)) {
            for (String session : List.of(stopped, other)) {
                HttpResponse<String> started = post(dialog + "/tts/mock", "{\"sessionId\":\"" + session
                        + "\",\"text\":\"benchmark-stream\",\"chunkDelayMs\":20,\"chunkCount\":500}");
                assertThat(started.body(), is("{\"ok\":true,\"sessionId\":\"" + session + "\"}"));
            }
            JsonNode chunk = Json.parse(one.nextText(WAIT));
            assertThat(chunk.toString(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + stopped
                    + "\",\"chunk_id\":0,\"total_chunks\":null}"));
            assertThat(new String(one.nextBinary(), StandardCharsets.US_ASCII), is("benchmar-0"));

            HttpResponse<String> stop = post(system.service("gateway").url("http") + "/control/stop",
                    "{\"sessionId\":\"" + stopped + "\"}");
            assertThat(stop.body(), is("{\"ok\":true}"));
            String text;
            do {
                text = one.nextText(WAIT);
                if (text.contains("audio_chunk")) {
                    one.nextBinary();
                }
            } while (!text.contains("STOP_ACK"));
            assertThat(Json.parse(text).path("type").asText(), is("control"));
            // the other session keeps streaming after the first one's STOP_ACK
            int seen = 0;
            while (seen < 3) {
                String frame = two.nextText(WAIT);
                if (frame.contains("audio_chunk")) {
                    two.nextBinary();
                    seen++;
                }
            }
            HttpResponse<String> stopOther = post(system.service("gateway").url("http") + "/control/stop",
                    "{\"sessionId\":\"" + other + "\"}");
            assertThat(stopOther.statusCode(), is(200));
        }
    }

    @Test
    void aRecordedQuestionIsHeardAnsweredAndSpoken(@TempDir Path dir) throws Exception {
        byte[] webm = recording(dir, "what is the weather like today");
        int before = llm.requests().size();
        llm.enqueue(Reply.of("It is sunny."));
        String gateway = system.service("gateway").url("ws");
        try (WsTestClient input = WsTestClient.open(http, gateway + "/ws/input")) {
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, gateway + "/ws/output/" + taskId)) {
                // as MediaRecorder blobs: metadata + binary per piece, then upload_complete
                int half = webm.length / 2;
                input.sendText("{\"type\":\"audio\",\"chunk_id\":0,\"action\":\"data_chunk\","
                        + "\"mime_type\":\"audio/webm\",\"meta\":{\"lang\":\"en\"}}");
                input.sendBinary(java.util.Arrays.copyOfRange(webm, 0, half));
                assertThat(input.nextText(WAIT), is("File chunk received"));
                input.sendText("{\"type\":\"audio\",\"chunk_id\":1,\"action\":\"data_chunk\","
                        + "\"mime_type\":\"audio/webm\",\"meta\":{\"lang\":\"en\"}}");
                input.sendBinary(java.util.Arrays.copyOfRange(webm, half, webm.length));
                assertThat(input.nextText(WAIT), is("File chunk received"));
                input.sendText("{\"action\":\"upload_complete\"}");
                JsonNode result = Json.parse(output.nextText(WAIT));
                assertThat(result.toString(), result.path("status").asText(), is("success"));
                assertThat(result.path("input_mode").asText(), is("audio"));
                assertThat(result.path("transcript").asText(), is("what is the weather like today"));
                assertThat(result.path("content").asText(), is("It is sunny."));
                assertThat(result.path("audio_present").asBoolean(), is(true));
                assertThat(Json.parse(output.nextText(WAIT)).path("type").asText(), is("audio_chunk"));
            }
        }
        JsonNode request = llm.awaitRequests(before + 1, WAIT).get(before);
        assertThat(request.path("messages").get(request.path("messages").size() - 1).path("content").asText(),
                is("what is the weather like today"));
    }

    /** A WebM/Opus recording of a sentence, as a browser's MediaRecorder makes: flite's voice, encoded by ffmpeg. */
    private static byte[] recording(Path dir, String sentence) throws Exception {
        Path wav = dir.resolve("speech.wav");
        Path webm = dir.resolve("speech.webm");
        run("flite", "-voice", "slt", "-t", sentence, "-o", wav.toString());
        run("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", wav.toString(), "-c:a", "libopus", webm.toString());
        return java.nio.file.Files.readAllBytes(webm);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(String.join(" ", command) + ": " + output, process.waitFor(), is(0));
    }

    /**
     * Runs one turn of a browser (its visitor cookie) the way a front end does; {@code during} runs once the first
     * audio chunk arrived.
     */
    private List<Object> turn(String visitor, String text, String query, ThrowingAction during) throws Exception {
        String gateway = system.service("gateway").url("ws");
        List<Object> frames = new ArrayList<>();
        try (WsTestClient input = WsTestClient.open(http, gateway + "/ws/input",
                Map.of("Cookie", "vtuber_visitor=" + visitor))) {
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, gateway + "/ws/output/" + taskId + query)) {
                input.sendText("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"" + text
                        + "\",\"meta\":{\"lang\":\"en\"}}");
                input.sendText("{\"action\":\"upload_complete\"}");
                boolean acted = false;
                while (true) {
                    Object frame = output.next(WAIT);
                    frames.add(frame);
                    if (frame instanceof WsTestClient.Closed) {
                        return frames;
                    }
                    if (!acted && frame instanceof String s && s.contains("audio_chunk")) {
                        acted = true;
                        during.run(taskId);
                    }
                }
            }
        }
    }

    private static String visitor() {
        return UUID.randomUUID().toString();
    }

    private static List<String> kinds(List<Object> frames) {
        List<String> kinds = new ArrayList<>();
        for (Object frame : frames) {
            if (frame instanceof WsTestClient.Closed closed) {
                kinds.add("close " + closed.code());
            } else if (frame instanceof byte[]) {
                kinds.add("binary");
            } else if (frame instanceof String text) {
                JsonNode json = Json.parse(text);
                kinds.add(json.has("status") ? json.path("status").asText()
                        : json.has("action") ? json.path("action").asText() : json.path("type").asText());
            }
        }
        return kinds;
    }

    private static JsonNode json(Object frame) {
        return Json.parse((String) frame);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run(String taskId) throws Exception;
    }
}
