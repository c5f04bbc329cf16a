package dev.freeagent.vtuber.dialog.tts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Talks to a small OpenAI-compatible speech server on loopback that streams PCM in pieces.
 */
class OpenAiSpeechClientTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final HttpServer server;
    private final CountDownLatch sendRest = new CountDownLatch(1);
    private final CompletableFuture<JsonNode> requestBody = new CompletableFuture<>();
    private final CompletableFuture<String> authorization = new CompletableFuture<>();
    private final CompletableFuture<String> path = new CompletableFuture<>();
    private volatile int status = 200;
    private OpenAiSpeechClient client;

    OpenAiSpeechClientTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        sendRest.countDown();
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }

    /** Answers 1001 bytes of PCM, then holds the other 3000 until the test lets them go. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            path.complete(exchange.getRequestURI().getPath());
            authorization.complete(exchange.getRequestHeaders().getFirst("Authorization"));
            requestBody.complete(Json.parse(exchange.getRequestBody().readAllBytes()));
            if (status != 200) {
                byte[] error = "{\"error\":{\"message\":\"Incorrect API key provided: sk-***\"}}".getBytes();
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(pcm(0, 1001));
            body.flush();
            if (awaitQuietly(sendRest)) {
                body.write(pcm(1001, 3000));
            }
        } catch (IOException e) {
            // the client went away (cancellation tests)
        }
    }

    private static byte[] pcm(int from, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private OpenAiSpeechClient client(String apiKey, Duration timeout) {
        client = new OpenAiSpeechClient(new OpenAiSpeechSettings("http://127.0.0.1:" + server.getAddress().getPort()
                + "/v1/", apiKey, "tts-1", "nova", 24_000, Duration.ofSeconds(2), timeout), 4096);
        return client;
    }

    @Test
    void streamsTheAudioAsItArrives() {
        Recording recording = new Recording();
        long start = System.nanoTime();
        client("sk-test", PATIENCE).speak("Hello there.", "en", new Cancellation(), chunk -> {
            recording.accept(chunk);
            sendRest.countDown();
        });
        assertThat(recording.chunks().getFirst().bytes().length, is(lessThanOrEqualTo(1000)));
        assertThat(recording.bytes(), is(pcm(0, 4001 - 1)));
        assertThat(recording.chunks().stream().map(PcmChunk::format).toList(), everyItem(is(PcmFormat.mono(24_000))));
        assertThat(Duration.ofNanos(System.nanoTime() - start).compareTo(PATIENCE), is(lessThan(0)));
    }

    @Test
    void sendsTheModelVoiceTextFormatAndKey() throws Exception {
        sendRest.countDown();
        client("sk-test", PATIENCE).speak("Hello there.", "en", new Cancellation(), new Recording());
        JsonNode body = requestBody.get(5, TimeUnit.SECONDS);
        assertThat(path.get(), is("/v1/audio/speech"));
        assertThat(authorization.get(), is("Bearer sk-test"));
        assertThat(body.path("model").asText(), is("tts-1"));
        assertThat(body.path("input").asText(), is("Hello there."));
        assertThat(body.path("voice").asText(), is("nova"));
        assertThat(body.path("response_format").asText(), is("pcm"));
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        sendRest.countDown();
        client("", PATIENCE).speak("Hi.", "en", new Cancellation(), new Recording());
        assertThat(authorization.get(5, TimeUnit.SECONDS) == null, is(true));
    }

    @Test
    void reportsAnErrorStatusInItsOwnWords() {
        status = 401;
        OpenAiSpeechClient unauthorised = client("sk-wrong", PATIENCE);
        TtsException failure = assertThrows(TtsException.class,
                () -> unauthorised.speak("Hi.", "en", new Cancellation(), new Recording()));
        assertThat(failure.getMessage(), is("The speech server at 127.0.0.1:" + server.getAddress().getPort()
                + " refused to speak a sentence (HTTP 401)."));
    }

    @Test
    void cancellationAbortsTheRequestAndNothingFollows() throws Exception {
        Cancellation cancellation = new Cancellation();
        Recording recording = new Recording();
        CountDownLatch firstChunk = new CountDownLatch(1);
        OpenAiSpeechClient speaker = client("sk-test", PATIENCE);
        long start = System.nanoTime();
        CompletableFuture<Void> speaking = CompletableFuture.runAsync(() -> speaker.speak("Hello there.", "en",
                cancellation, chunk -> {
                    recording.accept(chunk);
                    firstChunk.countDown();
                }));
        assertThat(firstChunk.await(5, TimeUnit.SECONDS), is(true));
        cancellation.cancel();
        speaking.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start).compareTo(PATIENCE), is(lessThan(0)));
        sendRest.countDown();
        assertThat(recording.count(), is(1));
    }

    @Test
    void givesUpWhenTheServerFallsSilent() {
        OpenAiSpeechClient impatient = client("sk-test", Duration.ofMillis(300));
        Recording recording = new Recording();
        TtsException failure = assertThrows(TtsException.class,
                () -> impatient.speak("Hello there.", "en", new Cancellation(), recording));
        assertThat(failure.getMessage(), is("The speech server at 127.0.0.1:" + server.getAddress().getPort()
                + " sent no audio for 0.3 s; the sentence was given up."));
        assertThat(recording.count(), is(1));
    }

    @Test
    void reportsAnUnreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = new OpenAiSpeechClient(new OpenAiSpeechSettings("http://127.0.0.1:" + closedPort + "/v1", "",
                "tts-1", "alloy", 24_000, Duration.ofSeconds(2), PATIENCE), 4096);
        TtsException failure = assertThrows(TtsException.class,
                () -> client.speak("Hi.", "en", new Cancellation(), new Recording()));
        assertThat(failure.getMessage(), is("The speech server at 127.0.0.1:" + closedPort
                + " could not be reached or broke off the audio."));
    }
}
