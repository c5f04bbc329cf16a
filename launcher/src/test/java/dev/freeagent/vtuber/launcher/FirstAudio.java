package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
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
import dev.freeagent.vtuber.dialog.tts.TtsProvider;
import dev.freeagent.vtuber.dialog.tts.TtsProviders;
import dev.freeagent.vtuber.dialog.tts.TtsSettings;
import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * First-audio overhead of a spoken reply, through the real system: a client drives a text turn as a streaming front
 * end does ({@code /ws/input}, then {@code /ws/output/{task}?stream=1}); the fake LLM answers with {@link #REPLY},
 * whose first delta already completes the first sentence, so the first sentence exists the moment the LLM's
 * request arrives (the benchmark learns that moment from {@link FakeOpenAi#awaitRequests}, in the same process and
 * on the same clock as the client). Measured per turn: that moment → the first binary audio frame at the client.
 * {@link #providerFirstByte} times the TTS provider alone (the same class the system uses, in this process) from the
 * call to its first PCM chunk, for the same sentence; raw minus that is the system's own overhead.
 */
final class FirstAudio {
    /** The first sentence of the reply. */
    static final String FIRST_SENTENCE = "Hello there.";
    /** The fake LLM's reply: the first delta ends the first sentence (a space follows its period), then a token every 5 ms. */
    static final Reply REPLY = Reply.of(FIRST_SENTENCE + " ", "How", " are", " you", " today?", " I", " am", " the",
            " voice", " benchmark.").spacedBy(Duration.ofMillis(5));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final SystemProcess system;
    private final FakeOpenAi llm;

    FirstAudio(SystemProcess system, FakeOpenAi llm) {
        this.system = system;
        this.llm = llm;
    }

    /**
     * Runs turns one after another.
     *
     * @param warmUp turns run first and not counted
     * @param turns turns measured
     * @return the first-audio times (ms) and the turns that failed
     */
    Result measure(int warmUp, int turns) {
        List<Double> firstAudio = new ArrayList<>(turns);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < warmUp + turns; i++) {
            try {
                double ms = turn("voice benchmark turn " + i);
                if (i >= warmUp) {
                    firstAudio.add(ms);
                }
            } catch (Exception | AssertionError e) {
                failures.add(e.toString());
            }
        }
        return new Result(Latencies.of(firstAudio), failures);
    }

    private double turn(String text) throws Exception {
        Map<String, String> browser = Map.of("Cookie", "vtuber_visitor=" + UUID.randomUUID());
        try (WsTestClient input = WsTestClient.open(http, system.gatewayWs() + "/ws/input", browser)) {
            String taskId = Json.parse(input.nextText(WAIT)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, system.gatewayWs() + "/ws/output/" + taskId + "?stream=1")) {
                int before = llm.requests().size();
                input.sendText("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"" + text
                        + "\",\"meta\":{\"lang\":\"en\"}}");
                input.sendText("{\"action\":\"upload_complete\"}");
                JsonNode request = llm.awaitRequests(before + 1, WAIT).get(before);
                long sentence = System.nanoTime();
                if (!request.toString().contains(text)) {
                    throw new IllegalStateException("the LLM request that arrived is not this turn's: " + request);
                }
                return (firstAudioFrame(output) - sentence) / 1e6;
            }
        }
    }

    /** Reads the turn to its end (the socket closes after the result and END) and returns when audio came first. */
    private static long firstAudioFrame(WsTestClient output) throws InterruptedException {
        long firstAudio = 0;
        boolean success = false;
        while (true) {
            Object frame = output.next(WAIT);
            if (frame instanceof byte[] && firstAudio == 0) {
                firstAudio = System.nanoTime();
            } else if (frame instanceof String text) {
                success |= "success".equals(Json.parse(text).path("status").asText());
            } else if (frame instanceof WsTestClient.Closed || frame instanceof Throwable) {
                if (firstAudio == 0 || !success) {
                    throw new IllegalStateException("the turn ended without " + (success ? "audio" : "success")
                            + ": " + frame);
                }
                return firstAudio;
            }
        }
    }

    /**
     * Times the provider alone: from the call to its first PCM chunk for {@link #FIRST_SENTENCE}, in this process
     * (espeak-ng: a process spawned per sentence, as the system does).
     *
     * @param provider {@code tone}, {@code espeak-ng}, ...
     * @param warmUp calls run first and not counted
     * @param times calls measured
     * @return first-chunk times in ms
     */
    static Latencies providerFirstByte(String provider, int warmUp, int times) {
        List<Double> firstByte = new ArrayList<>(times);
        try (TtsProvider tts = TtsProviders.create(TtsSettings.defaults(provider))) {
            for (int i = 0; i < warmUp + times; i++) {
                long[] first = {0};
                long start = System.nanoTime();
                tts.speak(FIRST_SENTENCE, "en", new Cancellation(), chunk -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                });
                if (i >= warmUp) {
                    firstByte.add((first[0] - start) / 1e6);
                }
            }
        }
        return Latencies.of(firstByte);
    }

    /**
     * The measured turns.
     *
     * @param firstAudio the LLM's first complete sentence → the first audio frame at the client, per turn
     * @param failures what went wrong in the turns that failed
     */
    record Result(Latencies firstAudio, List<String> failures) {
    }
}
