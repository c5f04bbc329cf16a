package dev.freeagent.vtuber.dialog.llm;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.ChatMessage;
import dev.freeagent.vtuber.dialog.turn.ReplyRequest;
import dev.freeagent.vtuber.dialog.turn.Responder;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.Watchdog;

/**
 * Streams replies from an OpenAI-compatible {@code /chat/completions} endpoint over one shared JDK HttpClient
 * (HTTP/1.1, keep-alive, calls on virtual threads).
 *
 * <p>Every attempt is bounded by an idle watchdog: the request timeout limits the wait for the response headers
 * and every gap between two chunks, so a silent model ends in a {@code ModelTimeoutException}, never a hang.
 * Failed attempts are retried ({@code retry-limit} times, waiting {@code backoff × attempt}): from scratch while
 * nothing was delivered, otherwise as a continuation (the partial reply goes back as an assistant message with an
 * instruction to continue) whose repeated prefix is dropped, so the caller never receives the same text twice.
 *
 * <p>Thread-safe; close it to release the client.
 */
public final class LlmClient implements Responder, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LlmClient.class.getName());
    private static final String CONTINUE = "Your previous reply was cut off. Continue it exactly where it stopped, "
            + "without repeating anything already written.";

    private final LlmSettings settings;
    private final URI endpoint;
    private final String host;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * Creates the client.
     *
     * @param settings the model and its parameters
     */
    public LlmClient(LlmSettings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint();
        this.host = endpoint.getAuthority();
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("llm-http-", 0).factory());
        Duration connect = settings.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(10);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public String source() {
        return "llm";
    }

    @Override
    public void respond(ReplyRequest request, Consumer<String> deltas, Cancellation cancellation) {
        StringBuilder delivered = new StringBuilder();
        AttemptFailure last = null;
        for (int attempt = 0; attempt <= settings.retryLimit(); attempt++) {
            if (attempt > 0) {
                LOG.log(Level.INFO, "LLM attempt " + attempt + " failed (" + last.getMessage() + "); retrying"
                        + (delivered.isEmpty() ? "" : " as a continuation"));
                if (cancellation.await(settings.retryBackoff().multipliedBy(attempt))) {
                    throw new TurnCancelledException(null);
                }
            }
            try {
                stream(request, delivered, deltas, cancellation);
                return;
            } catch (AttemptFailure failure) {
                last = failure;
                if (!failure.retryable()) {
                    break;
                }
            }
        }
        Throwable cause = last.getCause();
        LOG.log(Level.WARNING, "LLM failed: " + last.getMessage() + (cause == null ? "" : " (" + cause + ")"));
        LOG.log(Level.DEBUG, "LLM failure detail", cause);
        throw last.toException();
    }

    private void stream(ReplyRequest request, StringBuilder delivered, Consumer<String> deltas,
                        Cancellation cancellation) throws AttemptFailure {
        cancellation.throwIfCancelled();
        String already = delivered.toString();
        RepeatFilter filter = new RepeatFilter(already);
        Consumer<String> sink = text -> {
            if (!text.isEmpty()) {
                deltas.accept(text);
                delivered.append(text);
            }
        };
        HttpRequest httpRequest = httpRequest(request.conversationId(),
                already.isEmpty() ? request.messages() : continuation(request.messages(), already));
        StreamingCall call = new StreamingCall(http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream()));
        try (Watchdog watchdog = Watchdog.start(settings.requestTimeout(), () -> call.abort(StreamingCall.TIMEOUT));
             Cancellation.Registration ignored = cancellation.onCancel(() -> call.abort(StreamingCall.CANCELLED))) {
            HttpResponse<InputStream> response = call.response();
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw AttemptFailure.status(host, response.statusCode());
                }
                call.body(body);
                read(new SseDeltaReader(body, watchdog::touch), filter, sink);
            }
        } catch (IOException e) {
            throw failure(call, e, cancellation);
        }
        if (delivered.isEmpty()) {
            throw AttemptFailure.empty();
        }
    }

    private void read(SseDeltaReader reader, RepeatFilter filter, Consumer<String> sink)
            throws IOException, AttemptFailure {
        while (true) {
            switch (reader.next()) {
                case DELTA -> sink.accept(filter.accept(reader.delta()));
                case DONE -> {
                    sink.accept(filter.finish());
                    return;
                }
                case END -> {
                    if (!reader.finishReasonSeen()) {
                        throw AttemptFailure.brokenOff(host, null);
                    }
                    sink.accept(filter.finish());
                    return;
                }
                case ERROR -> throw AttemptFailure.reportedError(host);
                default -> throw new IllegalStateException("unknown SSE event");
            }
        }
    }

    private AttemptFailure failure(StreamingCall call, IOException e, Cancellation cancellation) {
        if (call.reason() == StreamingCall.CANCELLED || cancellation.isCancelled()) {
            throw new TurnCancelledException(e);
        }
        if (call.reason() == StreamingCall.TIMEOUT || e instanceof HttpTimeoutException) {
            return AttemptFailure.timeout(settings.requestTimeout().toMillis() / 1000.0);
        }
        return call.headersReceived() ? AttemptFailure.brokenOff(host, e) : AttemptFailure.unreachable(host, e);
    }

    private HttpRequest httpRequest(String conversationId, List<ChatMessage> messages) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("x-session-id", conversationId)
                .POST(HttpRequest.BodyPublishers.ofString(CompletionBody.of(settings, messages)));
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        if (!settings.organization().isEmpty()) {
            builder.header("OpenAI-Organization", settings.organization());
        }
        return builder.build();
    }

    private static List<ChatMessage> continuation(List<ChatMessage> messages, String delivered) {
        List<ChatMessage> continued = new ArrayList<>(messages.size() + 2);
        continued.addAll(messages);
        continued.add(ChatMessage.assistant(delivered));
        continued.add(ChatMessage.system(CONTINUE));
        return continued;
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
