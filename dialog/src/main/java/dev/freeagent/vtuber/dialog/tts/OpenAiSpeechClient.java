package dev.freeagent.vtuber.dialog.tts;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.Watchdog;

/**
 * Speaks through an OpenAI-compatible {@code POST {base-url}/audio/speech} with {@code "response_format": "pcm"}:
 * the answer is raw s16le mono (24 kHz at OpenAI), handed to the sink as it arrives. One shared JDK HttpClient
 * (HTTP/1.1, keep-alive, virtual threads). Cancelling aborts the request; {@code timeout-seconds} bounds the wait
 * for the headers and every gap between two pieces of audio. Thread-safe; close it to release the client.
 */
public final class OpenAiSpeechClient implements TtsProvider {
    private static final System.Logger LOG = System.getLogger(OpenAiSpeechClient.class.getName());
    private static final int ERROR_BODY_KEPT_BYTES = 512;

    private final OpenAiSpeechSettings settings;
    private final int chunkBytes;
    private final URI endpoint;
    private final String host;
    private final PcmFormat format;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * Creates the client.
     *
     * @param settings the server, model, voice and timeouts
     * @param chunkBytes the largest chunk handed to a sink
     */
    public OpenAiSpeechClient(OpenAiSpeechSettings settings, int chunkBytes) {
        this.settings = settings;
        this.chunkBytes = chunkBytes;
        this.endpoint = settings.endpoint();
        this.host = endpoint.getAuthority();
        this.format = PcmFormat.mono(settings.sampleRate());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tts-http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink) {
        if (cancellation.isCancelled()) {
            return;
        }
        GuardedSink guarded = new GuardedSink(sink, cancellation);
        Exchange exchange = new Exchange(http.sendAsync(request(sentence), HttpResponse.BodyHandlers.ofInputStream()));
        Watchdog timer = Watchdog.start(settings.timeout(), () -> {
            guarded.stop();
            exchange.abort();
        });
        try (timer; Cancellation.Registration ignored = cancellation.onCancel(exchange::abort)) {
            HttpResponse<InputStream> response = exchange.response();
            try (InputStream body = response.body()) {
                exchange.body(body);
                if (response.statusCode() / 100 != 2) {
                    throw refused(response.statusCode(), body);
                }
                new PcmChunker(format, chunkBytes, guarded).pump(body, timer::touch);
            }
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                return;
            }
            if (guarded.stopped() || e instanceof HttpTimeoutException) {
                throw timeout(e);
            }
            throw new TtsException("The speech server at " + host + " could not be reached or broke off the audio.",
                    e);
        }
        if (guarded.stopped()) {
            throw timeout(null);
        }
    }

    private HttpRequest request(String sentence) {
        ObjectNode body = Json.object()
                .put("model", settings.model())
                .put("input", sentence)
                .put("voice", settings.voice())
                .put("response_format", "pcm");
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private TtsException refused(int status, InputStream body) throws IOException {
        String detail = new String(body.readNBytes(ERROR_BODY_KEPT_BYTES), StandardCharsets.UTF_8).strip();
        LOG.log(Level.WARNING, "speech server " + host + " answered HTTP " + status + ": " + detail);
        return new TtsException("The speech server at " + host + " refused to speak a sentence (HTTP " + status
                + ").", null);
    }

    private TtsException timeout(IOException cause) {
        return new TtsException("The speech server at " + host + " sent no audio for "
                + settings.timeout().toMillis() / 1000.0 + " s; the sentence was given up.", cause);
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }

    /**
     * One request that a cancellation or the timer can abort at any moment: before the headers by cancelling the
     * exchange, after them by closing the body, which wakes the blocked reader. Thread-safe.
     */
    private static final class Exchange {
        private final CompletableFuture<HttpResponse<InputStream>> pending;
        private final AtomicReference<InputStream> body = new AtomicReference<>();
        private volatile boolean aborted;

        Exchange(CompletableFuture<HttpResponse<InputStream>> pending) {
            this.pending = pending;
        }

        HttpResponse<InputStream> response() throws IOException {
            try {
                return pending.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (CancellationException e) {
                throw new IOException("request aborted", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
                throw new IOException("interrupted", e);
            }
        }

        /** Remembers the body so an abort can close it; closes it at once when the abort came first. */
        void body(InputStream stream) {
            body.set(stream);
            if (aborted) {
                close(stream);
            }
        }

        void abort() {
            aborted = true;
            pending.cancel(true);
            InputStream stream = body.get();
            if (stream != null) {
                close(stream);
            }
        }

        private static void close(InputStream stream) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing an aborted speech response failed", e);
            }
        }
    }
}
