package dev.freeagent.vtuber.dialog.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.ChatMessage;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;
import dev.freeagent.vtuber.dialog.turn.ReplyRequest;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LlmClientTest {
    private static final ReplyRequest HELLO = new ReplyRequest("conv-1", "hi", Optional.empty(),
            List.of(ChatMessage.system("be nice"), ChatMessage.user("hi")));

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        fake.close();
    }

    private LlmClient client(LlmSettings settings) {
        LlmClient client = new LlmClient(settings);
        toClose.add(client);
        return client;
    }

    private static List<String> respond(LlmClient client, Cancellation cancellation) {
        List<String> deltas = new ArrayList<>();
        client.respond(HELLO, deltas::add, cancellation);
        return deltas;
    }

    @Test
    void streamsDeltasInOrder() {
        fake.enqueue(Reply.of("Hel", "lo", " world"));
        assertThat(respond(client(TestDialog.llm(fake.baseUrl())), new Cancellation()), contains("Hel", "lo", " world"));
    }

    @Test
    void sendsTheParametersOfTheContract() throws InterruptedException {
        respond(client(TestDialog.llm(fake.baseUrl() + "/")), new Cancellation());
        JsonNode body = fake.awaitRequests(1, Duration.ofSeconds(5)).getFirst();
        assertThat(body.path("model").asText(), is("gpt-4o-mini"));
        assertThat(body.path("temperature").asDouble(), is(0.7));
        assertThat(body.path("max_tokens").asInt(), is(1024));
        assertThat(body.path("top_p").asDouble(), is(1.0));
        assertThat(body.path("stream").asBoolean(), is(true));
        assertThat(body.path("messages").path(1).path("content").asText(), is("hi"));
    }

    @Test
    void sendsSessionOrganizationAndKeyHeaders() throws Exception {
        CompletableFuture<Headers> seen = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.complete(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        toClose.add(() -> server.stop(0));
        LlmSettings settings = new LlmSettings(Optional.empty(), "sk-test", "http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1", "org-7", "m", 0.7, 10, 1.0, 0, 0, Duration.ofSeconds(5), 0,
                Duration.ZERO);
        assertThat(respond(client(settings), new Cancellation()), contains("ok"));
        Headers headers = seen.get(5, TimeUnit.SECONDS);
        assertThat(headers.getFirst("x-session-id"), is("conv-1"));
        assertThat(headers.getFirst("Authorization"), is("Bearer sk-test"));
        assertThat(headers.getFirst("OpenAI-Organization"), is("org-7"));
    }

    @Test
    void retriesAfterAServerError() {
        fake.enqueue(Reply.error(500), Reply.of("after", " retry"));
        assertThat(respond(client(TestDialog.llm(fake.baseUrl())), new Cancellation()), contains("after", " retry"));
        assertThat(fake.requests().size(), is(2));
    }

    @Test
    void continuesABrokenReplyWithoutRepeatingIt() throws InterruptedException {
        fake.enqueue(Reply.of("Hello", " there", ", friend", "!").disconnectingBefore(2),
                Reply.of("Hello", " there", ", friend", "!"));
        List<String> deltas = respond(client(TestDialog.llm(fake.baseUrl())), new Cancellation());
        String reply = String.join("", deltas);
        assertThat(reply, is("Hello there, friend!"));
        assertThat(reply.indexOf("Hello there"), is(reply.lastIndexOf("Hello there")));
        JsonNode second = fake.awaitRequests(2, Duration.ofSeconds(5)).get(1);
        JsonNode messages = second.path("messages");
        assertThat(messages.path(2).path("role").asText(), is("assistant"));
        assertThat(messages.path(2).path("content").asText(), is("Hello there"));
        assertThat(messages.path(3).path("role").asText(), is("system"));
    }

    @Test
    void aSilentModelTimesOutWithinItsBound() {
        fake.enqueue(Reply.silent());
        LlmClient client = client(TestDialog.llm(fake.baseUrl(), Duration.ofSeconds(1), 2));
        long start = System.nanoTime();
        ModelTimeoutException failure = assertThrows(ModelTimeoutException.class,
                () -> respond(client, new Cancellation()));
        assertThat(failure.getMessage(), is("The language model did not answer within 1 s."));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(2500L)));
    }

    @Test
    void aModelThatStallsMidReplyTimesOut() {
        fake.enqueue(Reply.of("slow", " and", " slower").spacedBy(Duration.ofSeconds(3)));
        LlmClient client = client(TestDialog.llm(fake.baseUrl(), Duration.ofMillis(500), 0));
        List<String> deltas = new ArrayList<>();
        assertThrows(ModelTimeoutException.class, () -> client.respond(HELLO, deltas::add, new Cancellation()));
        assertThat(deltas, contains("slow"));
    }

    @Test
    void anEmptyStreamIsAnError() {
        fake.defaultReply(Reply.of());
        ModelUnavailableException failure = assertThrows(ModelUnavailableException.class,
                () -> respond(client(TestDialog.llm(fake.baseUrl())), new Cancellation()));
        assertThat(failure.getMessage(), is("The language model returned an empty reply."));
        assertThat(fake.requests().size(), is(3));
    }

    @Test
    void anUnreachableModelIsNamedInTheError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ModelUnavailableException failure = assertThrows(ModelUnavailableException.class,
                () -> respond(client(TestDialog.llm("http://127.0.0.1:" + port + "/v1")), new Cancellation()));
        assertThat(failure.getMessage(), is("The language model at 127.0.0.1:" + port + " could not be reached."));
    }

    @Test
    void aServerErrorIsReportedAfterTheRetries() {
        fake.defaultReply(Reply.error(500));
        ModelUnavailableException failure = assertThrows(ModelUnavailableException.class,
                () -> respond(client(TestDialog.llm(fake.baseUrl())), new Cancellation()));
        assertThat(failure.getMessage(), is("The language model at " + fake.baseUrl().substring(7, fake.baseUrl()
                .indexOf("/v1")) + " answered HTTP 500."));
    }

    @Test
    void cancellationStopsTheStreamPromptly() {
        fake.enqueue(Reply.of("one", " two", " three").spacedBy(Duration.ofSeconds(5)));
        LlmClient client = client(TestDialog.llm(fake.baseUrl()));
        Cancellation cancellation = new Cancellation();
        List<String> deltas = new ArrayList<>();
        long start = System.nanoTime();
        assertThrows(TurnCancelledException.class, () -> client.respond(HELLO, delta -> {
            deltas.add(delta);
            Thread.ofVirtual().start(cancellation::cancel);
        }, cancellation));
        assertThat(deltas, contains("one"));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(2000L)));
    }
}
