package dev.freeagent.vtuber.dialog.asr;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.asr.AsrException.Kind;
import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.audio.WavWriter;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

/**
 * Recognition by any server that speaks OpenAI's {@code POST /audio/transcriptions} (OpenAI, faster-whisper
 * servers, whisper.cpp's server, vLLM, LocalAI...): the recording goes up as a WAV file in a multipart form with
 * the model and, when one was requested, the language; the JSON answer's {@code text} is the transcript. One
 * shared JDK HttpClient; thread-safe; close it to release the client.
 */
public final class OpenAiAsr implements AsrProvider {
    private static final System.Logger LOG = System.getLogger(OpenAiAsr.class.getName());

    private final String name;
    private final OpenAiAsrSettings settings;
    private final Duration timeout;
    private final URI endpoint;
    private final String host;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * Creates the client.
     *
     * @param name the name it reports ({@code openai}, {@code whisper}...)
     * @param settings the server, key and model
     * @param timeout the longest one recognition may take, upload and answer included
     */
    public OpenAiAsr(String name, OpenAiAsrSettings settings, Duration timeout) {
        this.name = name;
        this.settings = settings;
        this.timeout = timeout;
        this.endpoint = settings.endpoint();
        this.host = endpoint.getAuthority();
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("asr-http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Transcript transcribe(PcmAudio audio, String lang, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        CompletableFuture<HttpResponse<byte[]>> call =
                http.sendAsync(request(audio, SpokenLanguage.of(lang)), HttpResponse.BodyHandlers.ofByteArray());
        try (Cancellation.Registration ignored = cancellation.onCancel(() -> call.cancel(true))) {
            return transcript(await(call, cancellation), audio);
        }
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> call, Cancellation cancellation) {
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new TurnCancelledException(e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw AsrException.timedOut("The speech recogniser at " + host, timeout);
        } catch (CancellationException e) {
            throw new TurnCancelledException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cancellation.isCancelled()) {
                throw new TurnCancelledException(cause);
            }
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw AsrException.timedOut("The speech recogniser at " + host, timeout);
            }
            LOG.log(Level.WARNING, "ASR request to " + host + " failed: " + cause);
            throw new AsrException(Kind.UNAVAILABLE, "The speech recogniser at " + host + " could not be reached.",
                    cause);
        }
    }

    private HttpRequest request(PcmAudio audio, SpokenLanguage language) {
        MultipartForm form = new MultipartForm().field("model", settings.model());
        if (!language.isEmpty()) {
            form.field("language", language.code());
        }
        form.field("response_format", "json")
                .file("file", "speech.wav", "audio/wav", WavWriter.header(audio), audio.bytes());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json")
                .POST(form.publisher());
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private Transcript transcript(HttpResponse<byte[]> response, PcmAudio audio) {
        if (response.statusCode() / 100 != 2) {
            LOG.log(Level.WARNING, "ASR server " + host + " answered HTTP " + response.statusCode());
            throw new AsrException(Kind.UNAVAILABLE, "The speech recogniser at " + host + " answered HTTP "
                    + response.statusCode() + ".", null);
        }
        JsonNode text;
        try {
            text = Json.parse(response.body()).path("text");
        } catch (Json.InvalidJsonException e) {
            text = null;
        }
        if (text == null || !text.isTextual()) {
            LOG.log(Level.WARNING, "ASR server " + host + " answered without a text field");
            throw new AsrException(Kind.FAILED, "The speech recogniser at " + host
                    + " answered without a transcript.", null);
        }
        return Transcript.of(text.asText(), List.of(), Optional.of(name),
                OptionalDouble.of(audio.durationSeconds()));
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
