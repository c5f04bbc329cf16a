package dev.freeagent.vtuber.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.WsTestClient;

/**
 * Barge-in latency as the original {@code e2e_stop_latency.py} measures it, through the real system: per round a
 * client opens {@code /ws/output/<uuid>} through the gateway, starts dialog's {@code /tts/mock} stream (a chunk
 * every 20 ms), waits for three chunks and then a random part of a chunk period, POSTs the gateway's
 * {@code /control/stop}, and notes on its own clock
 * ({@link System#nanoTime()}) when STOP_ACK and the last audio frame before it arrive; then it watches the socket for
 * {@link #QUIET} to count any frame after STOP_ACK. Rounds run one after another.
 */
final class StopLatency {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long the socket is watched after STOP_ACK. */
    static final Duration QUIET = Duration.ofMillis(300);
    private static final int CHUNKS_BEFORE_STOP = 3;
    /** {@code chunkDelayMs} of the {@code /tts/mock} stream. */
    private static final Duration CHUNK_PERIOD = Duration.ofMillis(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SystemProcess system;
    private final Random random = new Random(7);

    StopLatency(SystemProcess system) {
        this.system = system;
    }

    /**
     * Runs the rounds.
     *
     * @param warmUp rounds run first and not counted (JIT, connections)
     * @param rounds rounds measured
     * @return what was measured
     */
    Result measure(int warmUp, int rounds) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            round();
        }
        List<Round> measured = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            measured.add(round());
        }
        return new Result(measured);
    }

    private Round round() throws Exception {
        String session = UUID.randomUUID().toString();
        try (WsTestClient client = WsTestClient.open(http, system.gatewayWs() + "/ws/output/" + session)) {
            startMockStream(session);
            long lastAudio = 0;
            for (int audio = 0; audio < CHUNKS_BEFORE_STOP; ) {
                if (frame(client.next(WAIT)) == Kind.AUDIO) {
                    lastAudio = System.nanoTime();
                    audio++;
                }
            }
            // the STOP comes at a random point between two chunks, as a listener's barge-in does
            long stopAt = lastAudio + random.nextLong(CHUNK_PERIOD.toNanos());
            lastAudio = Math.max(lastAudio, lastAudioBefore(client, stopAt));
            // sent without waiting for the answer: STOP_ACK may well arrive on the socket before it
            long stopSent = System.nanoTime();
            CompletableFuture<HttpResponse<String>> stop = http.sendAsync(post(system.gatewayHttp() + "/control/stop",
                    "{\"sessionId\":\"" + session + "\"}"), HttpResponse.BodyHandlers.ofString());
            Ack ack = awaitAck(client);
            int framesAfterAck = countFramesUntil(client, ack.at() + QUIET.toNanos());
            HttpResponse<String> stopped = stop.join();
            require(stopped.statusCode() == 200, "/control/stop answered " + stopped.statusCode() + " " + stopped.body());
            long last = ack.lastAudio() == 0 ? lastAudio : ack.lastAudio();
            return new Round((ack.at() - stopSent) / 1e6, (last - stopSent) / 1e6, ack.lastAudio() != 0,
                    framesAfterAck);
        }
    }

    private void startMockStream(String session) throws Exception {
        HttpResponse<String> started = http.send(post(system.dialogHttp() + "/tts/mock", "{\"sessionId\":\"" + session
                + "\",\"text\":\"benchmark-stream\",\"chunkDelayMs\":" + CHUNK_PERIOD.toMillis()
                + ",\"chunkCount\":500}"), HttpResponse.BodyHandlers.ofString());
        require(started.statusCode() == 200, "/tts/mock answered " + started.statusCode() + " " + started.body());
    }

    /** Reads frames up to STOP_ACK; notes when it came and the last audio frame before it (0: none). */
    private static Ack awaitAck(WsTestClient client) throws InterruptedException {
        long lastAudio = 0;
        while (true) {
            Kind kind = frame(client.next(WAIT));
            long now = System.nanoTime();
            if (kind == Kind.STOP_ACK) {
                return new Ack(now, lastAudio);
            }
            if (kind == Kind.AUDIO) {
                lastAudio = now;
            }
        }
    }

    /** Reads frames until the deadline; returns when the last audio frame among them came (0: none). */
    private static long lastAudioBefore(WsTestClient client, long deadline) throws InterruptedException {
        long lastAudio = 0;
        Optional<Object> next;
        while ((next = nextBefore(client, deadline)).isPresent()) {
            if (frame(next.get()) == Kind.AUDIO) {
                lastAudio = System.nanoTime();
            }
        }
        return lastAudio;
    }

    /** Audio frames (and any other frame but a close) that arrive before the deadline. */
    private static int countFramesUntil(WsTestClient client, long deadline) throws InterruptedException {
        int frames = 0;
        Optional<Object> next;
        while ((next = nextBefore(client, deadline)).isPresent()) {
            Kind kind = frame(next.get());
            frames += kind == Kind.AUDIO || kind == Kind.OTHER ? 1 : 0;
        }
        return frames;
    }

    private static Optional<Object> nextBefore(WsTestClient client, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.next(Duration.ofNanos(left)));
        } catch (AssertionError quiet) {
            // WsTestClient reports "nothing within the wait" this way: here it is the outcome we hope for
            return Optional.empty();
        }
    }

    /** Audio is counted by its binary frame; its {@code audio_chunk} header is skipped. */
    private static Kind frame(Object frame) {
        if (frame instanceof byte[]) {
            return Kind.AUDIO;
        }
        if (frame instanceof String text) {
            JsonNode json = Json.parse(text);
            if ("audio_chunk".equals(json.path("type").asText())) {
                return Kind.HEADER;
            }
            return "STOP_ACK".equalsIgnoreCase(json.path("action").asText()) ? Kind.STOP_ACK : Kind.OTHER;
        }
        throw new IllegalStateException("the output socket ended during a stop round: " + frame);
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private enum Kind { AUDIO, HEADER, STOP_ACK, OTHER }

    /** When STOP_ACK came, and the last audio frame between the STOP and it (0: none). */
    private record Ack(long at, long lastAudio) {
    }

    /**
     * One round.
     *
     * @param ackMs STOP sent → STOP_ACK at the client
     * @param lastAudioMs STOP sent → the last audio frame before STOP_ACK (negative: it came before the STOP)
     * @param audioAfterStop whether an audio frame arrived between the STOP and its ACK (already on its way)
     * @param framesAfterAck frames within {@link #QUIET} after STOP_ACK (must be 0)
     */
    record Round(double ackMs, double lastAudioMs, boolean audioAfterStop, int framesAfterAck) {
    }

    /**
     * The measured rounds.
     *
     * @param rounds in order
     */
    record Result(List<Round> rounds) {
        Latencies ack() {
            return Latencies.of(rounds.stream().map(Round::ackMs).toList());
        }

        Latencies lastAudio() {
            return Latencies.of(rounds.stream().map(Round::lastAudioMs).toList());
        }

        long roundsWithAudioAfterStop() {
            return rounds.stream().filter(Round::audioAfterStop).count();
        }

        int framesAfterAck() {
            return rounds.stream().mapToInt(Round::framesAfterAck).sum();
        }
    }
}
