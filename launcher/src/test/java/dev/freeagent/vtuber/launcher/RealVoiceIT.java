package dev.freeagent.vtuber.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The voice path with the real local voice (espeak-ng, the default provider): a reply streamed as PCM whose format
 * is declared and whose length is plausible for its text, and the same kind of reply as a WAV file that the JDK
 * decodes.
 */
class RealVoiceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLY = "Hello there, my friend. This sentence is spoken by espeak.";

    @TempDir
    static Path dataDir;

    private static FakeOpenAi llm;
    private static Map<String, String> overrides;
    private static LocalSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        llm = FakeOpenAi.start().defaultReply(Reply.of(REPLY.split("(?<= )")));
        overrides = new HashMap<>(TestSystem.overrides(dataDir, llm.baseUrl()));
        overrides.put("dialog.tts.provider", "espeak-ng");
        system = LocalSystem.start(overrides);
    }

    @AfterAll
    static void stop() {
        system.close();
        llm.close();
        TestSystem.forget(overrides);
    }

    @Test
    void aStreamedReplyIsPcmOfAPlausibleLength() throws Exception {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        int rate = 0;
        try (Turn turn = Turn.start(http, system, "?stream=1")) {
            while (true) {
                Object frame = turn.output().next(WAIT);
                if (frame instanceof WsTestClient.Closed) {
                    break;
                }
                if (frame instanceof String text && text.contains("audio_chunk")) {
                    JsonNode chunk = Json.parse(text);
                    assertThat(chunk.path("format").asText(), is("pcm_s16le"));
                    assertThat(chunk.path("channels").asInt(), is(1));
                    rate = chunk.path("sample_rate").asInt();
                    pcm.write(turn.output().nextBinary());
                }
            }
        }
        assertThat(rate, is(22050));
        double seconds = pcm.size() / 2.0 / rate;
        // about ten words a second at espeak-ng's default speed; far from silence and far from endless
        assertThat(seconds, is(allOf(greaterThan(2.0), lessThan(12.0))));
        assertThat(peak(pcm.toByteArray()), is(greaterThan(1000)));
    }

    @Test
    void theOriginalFrontEndGetsAWavThatDecodes() throws Exception {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try (Turn turn = Turn.start(http, system, "")) {
            JsonNode result = Json.parse(turn.output().nextText(WAIT));
            assertThat(result.path("audio_present").asBoolean(), is(true));
            while (true) {
                JsonNode frame = Json.parse(turn.output().nextText(WAIT));
                if ("audio_complete".equals(frame.path("type").asText())) {
                    break;
                }
                wav.write(turn.output().nextBinary());
            }
        }
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.toByteArray()))) {
            AudioFormat format = audio.getFormat();
            assertThat(format.getSampleRate(), is(22050f));
            assertThat(format.getChannels(), is(1));
            assertThat(format.getSampleSizeInBits(), is(16));
            double seconds = audio.getFrameLength() / (double) format.getFrameRate();
            assertThat(seconds, is(allOf(greaterThan(2.0), lessThan(12.0))));
        }
    }

    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        return peak;
    }

    /** One text turn through the gateway, with its output socket open before the upload completes. */
    private record Turn(WsTestClient input, WsTestClient output) implements AutoCloseable {
        static Turn start(HttpClient http, LocalSystem system, String query) throws Exception {
            String gateway = system.service("gateway").url("ws");
            WsTestClient input = WsTestClient.open(http, gateway + "/ws/input");
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            WsTestClient output = WsTestClient.open(http, gateway + "/ws/output/" + taskId + query);
            input.sendText("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"Say hello.\","
                    + "\"meta\":{\"lang\":\"en\"}}");
            input.sendText("{\"action\":\"upload_complete\"}");
            return new Turn(input, output);
        }

        @Override
        public void close() {
            output.close();
            input.close();
        }
    }
}
