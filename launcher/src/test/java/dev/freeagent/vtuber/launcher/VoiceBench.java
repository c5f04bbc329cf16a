package dev.freeagent.vtuber.launcher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.testing.FakeOpenAi;

/**
 * The voice benchmark: starts the packaged system as its own process (as {@link Bench} does) once per TTS provider
 * named in {@code bench.voices}, and prints
 * <ul>
 *   <li>barge-in ({@link StopLatency}, with the first system): STOP → STOP_ACK and STOP → last audio frame at the
 *   client, and the frames seen after STOP_ACK;</li>
 *   <li>first-audio overhead ({@link FirstAudio}): the LLM's first complete sentence → the first audio frame at the
 *   client, raw, the provider's own first-chunk time, and their difference.</li>
 * </ul>
 * Every time is taken with {@link System#nanoTime()} in this process, which also runs the client and the fake LLM.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl launcher exec:exec@voice-bench}.
 */
public final class VoiceBench {
    private static final double STOP_ACK_P95_MS = 5.0;
    private static final double FIRST_AUDIO_P95_MS = 5.0;

    private VoiceBench() {
    }

    public static void main(String[] args) throws Exception {
        int stops = Integer.getInteger("bench.stops", 100);
        int turns = Integer.getInteger("bench.voice-turns", 100);
        int warmUp = Integer.getInteger("bench.voice-warm-up", 50);
        List<String> voices = Arrays.stream(System.getProperty("bench.voices", "tone,espeak-ng").split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
        try (FakeOpenAi llm = FakeOpenAi.start().defaultReply(FirstAudio.REPLY)) {
            for (String voice : voices) {
                try (SystemProcess system = SystemProcess.start(llm.baseUrl(), environment(voice))) {
                    System.out.printf("%nsystem with SYNC_TTS_PROVIDER=%s started in %d ms%n", voice, system.startMillis());
                    if (voice.equals(voices.getFirst())) {
                        report(new StopLatency(system).measure(warmUp, stops), warmUp);
                    }
                    report(voice, new FirstAudio(system, llm).measure(warmUp, turns),
                            FirstAudio.providerFirstByte(voice, warmUp, turns), warmUp);
                }
            }
        }
    }

    private static Map<String, String> environment(String voice) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SYNC_TTS_STREAMING", "true");
        environment.put("SYNC_TTS_BARGE_IN", "true");
        environment.put("SYNC_TTS_PROVIDER", voice);
        environment.putAll(SystemProcess.variables(System.getProperty("bench.env", "")));
        return environment;
    }

    private static void report(StopLatency.Result stops, int warmUp) {
        Latencies ack = stops.ack();
        System.out.printf("STOP, %d rounds after %d warm-up (/tts/mock: a chunk every 20 ms; STOP at a random point after the "
                + "third)%n",
                ack.count(), warmUp);
        System.out.printf("  STOP -> STOP_ACK            %s   target p95 <= %.0f ms: %s%n", ack.summary(),
                STOP_ACK_P95_MS, verdict(ack.percentile(95) <= STOP_ACK_P95_MS));
        System.out.printf("  STOP -> last audio frame    %s   (< 0: it arrived before the STOP was sent)%n",
                stops.lastAudio().summary());
        System.out.printf("  rounds with audio between STOP and STOP_ACK: %d of %d%n", stops.roundsWithAudioAfterStop(),
                ack.count());
        System.out.printf("  frames after STOP_ACK (each watched %d ms): %d   target 0: %s%n",
                StopLatency.QUIET.toMillis(), stops.framesAfterAck(), verdict(stops.framesAfterAck() == 0));
    }

    private static void report(String voice, FirstAudio.Result turns, Latencies provider, int warmUp) {
        Latencies raw = turns.firstAudio();
        System.out.printf("FIRST AUDIO with %s, %d turns after %d warm-up, %d failed%s%n", voice, raw.count(), warmUp,
                turns.failures().size(), turns.failures().isEmpty() ? "" : " (first: " + turns.failures().getFirst() + ")");
        System.out.printf("  LLM sentence -> first audio %s   (raw)%n", raw.summary());
        System.out.printf("  provider's own first chunk  %s   (in this process)%n", provider.summary());
        double p95 = raw.percentile(95) - provider.percentile(95);
        System.out.printf("  net overhead                p50 %7.2f  p95 %7.2f  p99 %7.2f ms (raw - provider, per "
                + "percentile)   target p95 <= %.0f ms: %s%n", raw.percentile(50) - provider.percentile(50), p95,
                raw.percentile(99) - provider.percentile(99), FIRST_AUDIO_P95_MS, verdict(p95 <= FIRST_AUDIO_P95_MS));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
