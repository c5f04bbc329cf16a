package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;
import dev.freeagent.vtuber.common.testing.FakeOpenAi.Reply;
import dev.freeagent.vtuber.dialog.TestDialog;
import dev.freeagent.vtuber.dialog.audio.SpeechSamples;
import dev.freeagent.vtuber.proto.dialog.v1.AudioInput;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import dev.freeagent.vtuber.proto.dialog.v1.ImageInput;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialogGrpcTest {
    @TempDir
    static Path dir;
    private static FakeOpenAi fake;
    private static TestDialog.Running dialog;
    private static ManagedChannel channel;
    private static DialogServiceGrpc.DialogServiceBlockingStub stub;

    @BeforeAll
    static void start() {
        fake = FakeOpenAi.start();
        dialog = TestDialog.start(dir, Map.of("dialog.llm.base-url", fake.baseUrl(),
                "dialog.llm.request-timeout-seconds", "1", "dialog.vision.max-bytes", "2048"));
        channel = GrpcChannels.open(dialog.service().url("http"));
        stub = DialogServiceGrpc.newBlockingStub(channel);
        chat(text("warm-up", "u", "warm up the connection"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        dialog.close();
        fake.close();
    }

    private static ChatRequest text(String conversation, String user, String text) {
        return ChatRequest.newBuilder().setTaskId(UUID.randomUUID().toString()).setConversationId(conversation)
                .setUserId(user).setText(text).build();
    }

    private static List<ChatEvent> chat(ChatRequest request) {
        List<ChatEvent> events = new ArrayList<>();
        stub.withDeadlineAfter(30, TimeUnit.SECONDS).chat(request).forEachRemaining(events::add);
        return events;
    }

    private static JsonNode llmRequestFor(String userText) {
        return fake.requests().stream()
                .filter(r -> r.path("messages").path(r.path("messages").size() - 1).path("content").asText()
                        .equals(userText))
                .findFirst().orElseThrow();
    }

    private static List<String> contents(JsonNode request) {
        List<String> contents = new ArrayList<>();
        request.path("messages").forEach(m -> contents.add(m.path("role").asText() + ":" + m.path("content").asText()));
        return contents;
    }

    @Test
    void streamsDeltasThenDone() {
        String conversation = UUID.randomUUID().toString();
        fake.enqueue(Reply.of("Hi", " you"));
        List<ChatEvent> events = chat(text(conversation, "u", "stream please " + conversation));
        assertThat(events.size(), is(3));
        assertThat(events.get(0).getTextDelta().getContent(), is("Hi"));
        assertThat(events.get(1).getTextDelta().getContent(), is(" you"));
        ChatDone done = events.get(2).getDone();
        assertThat(done.getReply(), is("Hi you"));
        assertThat(done.getTranscript(), is("stream please " + conversation));
        assertThat(done.getStats().getSource(), is("llm"));
        assertThat(done.getStats().getTokens(), is(2));
        assertThat(done.getStats().hasTtftMs(), is(true));
    }

    @Test
    void theSecondTurnSeesTheFirstAndAnotherUserDoesNot() {
        String conversation = UUID.randomUUID().toString();
        String first = "my cat is called Miso " + conversation;
        String second = "what is my cat called? " + conversation;
        String stranger = "who am I? " + conversation;
        fake.enqueue(Reply.of("What", " a cute name!"));
        chat(text(conversation, "alice", first));
        chat(text(conversation, "alice", second));
        chat(text(conversation, "mallory", stranger));

        List<String> seen = contents(llmRequestFor(second));
        assertThat(seen.size(), is(4));
        assertThat(seen.get(0), containsString("system:"));
        assertThat(seen.subList(1, 4), contains("user:" + first, "assistant:What a cute name!", "user:" + second));
        assertThat(contents(llmRequestFor(stranger)).size(), is(2));
    }

    @Test
    void blankTextIsAnInvalidArgument() {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> chat(text("c", "u", "   ")));
        assertThat(failure.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(failure.getStatus().getDescription(), is("content required"));
    }

    @Test
    void aRecordingIsHeardAnsweredAndReportedWithItsPartials(@TempDir Path work) throws IOException {
        Path wav = SpeechSamples.speak(work, "weather", "what is the weather like today");
        byte[] webm = Files.readAllBytes(SpeechSamples.convert(wav, work.resolve("weather.webm"), "-c:a", "libopus"));
        String conversation = UUID.randomUUID().toString();
        fake.enqueue(Reply.of("Sunny", " and warm."));

        List<ChatEvent> events = chat(ChatRequest.newBuilder().setTaskId(UUID.randomUUID().toString())
                .setConversationId(conversation).setUserId("alice")
                .setAudio(AudioInput.newBuilder().setData(ByteString.copyFrom(webm)).setContentType("audio/webm")
                        .setLang("en-US")).build());

        String heard = "what is the weather like today";
        assertThat(events.stream().map(ChatEvent::getEventCase).toList(), contains(ChatEvent.EventCase.ASR_PARTIAL,
                ChatEvent.EventCase.ASR_PARTIAL, ChatEvent.EventCase.TEXT_DELTA, ChatEvent.EventCase.TEXT_DELTA,
                ChatEvent.EventCase.DONE));
        assertThat(events.get(0).getAsrPartial().getText(), is(heard));
        assertThat(events.get(0).getAsrPartial().getFinal(), is(false));
        assertThat(events.get(1).getAsrPartial().getFinal(), is(true));
        ChatDone done = events.get(4).getDone();
        assertThat(done.getTranscript(), is(heard));
        assertThat(done.getReply(), is("Sunny and warm."));
        assertThat(done.getPartialsList(), contains(heard, heard));
        assertThat(done.getAsr().getProvider(), is("pocketsphinx"));
        assertThat(done.getAsr().getLatencyMs(), is(greaterThan(0.0)));
        assertThat(done.getAsr().getDecodeMs(), is(greaterThan(0.0)));
        assertThat(done.getAsr().getDurationSeconds(), is(closeTo(SpeechSamples.wavSeconds(wav), 0.1)));
        List<String> sent = contents(llmRequestFor(heard));
        assertThat(sent.getLast(), is("user:" + heard));
        assertThat(sent.get(1), is("system:Reply in English."));
    }

    private static StatusRuntimeException refused(ChatRequest request) {
        return assertThrows(StatusRuntimeException.class, () -> chat(request));
    }

    private static ChatRequest audio(byte[] data, String lang) {
        return ChatRequest.newBuilder().setTaskId(UUID.randomUUID().toString())
                .setAudio(AudioInput.newBuilder().setData(ByteString.copyFrom(data)).setLang(lang)).build();
    }

    @Test
    void recordingsThatCannotBeHeardAreRefusedWithTheContractsWords(@TempDir Path work) throws IOException {
        StatusRuntimeException empty = refused(audio(new byte[0], ""));
        assertThat(empty.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(empty.getStatus().getDescription(), is("audio required"));
        StatusRuntimeException garbage = refused(audio("not a recording".repeat(50).getBytes(), ""));
        assertThat(garbage.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(garbage.getStatus().getDescription(), is("unsupported audio"));
        StatusRuntimeException large = refused(audio(new byte[5_242_881], ""));
        assertThat(large.getStatus().getCode(), is(Status.Code.RESOURCE_EXHAUSTED));
        assertThat(large.getStatus().getDescription(), is("audio payload too large"));

        byte[] silence = Files.readAllBytes(SpeechSamples.silence(work.resolve("quiet.webm"), 1, 16_000));
        StatusRuntimeException chinese = refused(audio(silence, "zh-CN"));
        assertThat(chinese.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(chinese.getStatus().getDescription(), containsString("English only"));
        StatusRuntimeException quiet = refused(audio(silence, "en"));
        assertThat(quiet.getStatus().getCode(), is(Status.Code.INTERNAL));
        assertThat(quiet.getStatus().getDescription(), is("empty transcript"));
    }

    private static ChatRequest image(byte[] data, String prompt) {
        return ChatRequest.newBuilder().setTaskId(UUID.randomUUID().toString()).setConversationId("pics")
                .setImage(ImageInput.newBuilder().setData(ByteString.copyFrom(data)).setMimeType("image/webp")
                        .setPrompt(prompt)).build();
    }

    @Test
    void anImageReachesTheModelAsContentPartsAndThePromptUsedComesBack() {
        byte[] picture = ("picture " + UUID.randomUUID()).getBytes();
        fake.enqueue(Reply.of("A", " picture."));
        ChatDone done = chat(image(picture, "")).getLast().getDone();
        assertThat(done.getPrompt(), is("请描述这张图片。"));
        assertThat(done.getTranscript(), is("[图片输入]"));
        assertThat(done.getReply(), is("A picture."));
        String dataUrl = "data:image/webp;base64," + Base64.getEncoder().encodeToString(picture);
        JsonNode last = fake.requests().stream().filter(r -> r.toString().contains(dataUrl)).findFirst()
                .orElseThrow().path("messages");
        assertThat(last.path(last.size() - 1).toString(), is("{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"请描述这张图片。\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + dataUrl + "\"}}]}"));
    }

    @Test
    void imagesThatCannotBeShownAreRefusedWithTheContractsWords() {
        StatusRuntimeException empty = refused(image(new byte[0], "what?"));
        assertThat(empty.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(empty.getStatus().getDescription(), is("image required"));
        StatusRuntimeException large = refused(image(new byte[2049], "what?"));
        assertThat(large.getStatus().getCode(), is(Status.Code.RESOURCE_EXHAUSTED));
        assertThat(large.getStatus().getDescription(), is("image payload too large"));
    }

    @Test
    void aSilentModelEndsInDeadlineExceededWithOurSentence() {
        fake.enqueue(Reply.silent());
        long start = System.nanoTime();
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> chat(text("c", "u", "anyone there?")));
        assertThat(failure.getStatus().getCode(), is(Status.Code.DEADLINE_EXCEEDED));
        assertThat(failure.getStatus().getDescription(), is("The language model did not answer within 1 s."));
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(3000L)));
    }

    @Test
    void theClientDeadlineEndsTheCall() throws InterruptedException {
        int before = fake.requests().size();
        fake.enqueue(Reply.of("late", " reply").firstTokenAfter(Duration.ofMillis(900)));
        Iterator<ChatEvent> events = stub.withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                .chat(text("c", "u", "hurry"));
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, events::hasNext);
        assertThat(failure.getStatus().getCode(), is(Status.Code.DEADLINE_EXCEEDED));
        // the turn did reach the model (and took the queued reply), so the deadline cut a running generation
        fake.awaitRequests(before + 1, Duration.ofSeconds(5));
    }

    @Test
    void metaIsPassedToThePrompt() {
        String text = "bonjour " + UUID.randomUUID();
        ChatRequest request = text("c-meta", "u", text).toBuilder().setMeta(Struct.newBuilder()
                .putFields("lang", Value.newBuilder().setStringValue("fr").build())).build();
        chat(request);
        assertThat(contents(llmRequestFor(text)).get(1), is("system:Reply in French."));
    }

    @Test
    void anUnreachableModelIsUnavailableWithOurSentence(@TempDir Path other) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (TestDialog.Running down = TestDialog.start(other, Map.of(
                "dialog.llm.base-url", "http://127.0.0.1:" + port + "/v1", "dialog.llm.retry-limit", "0"))) {
            ManagedChannel downChannel = GrpcChannels.open(down.service().url("http"));
            try {
                StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                        () -> DialogServiceGrpc.newBlockingStub(downChannel).withDeadlineAfter(10, TimeUnit.SECONDS)
                                .chat(text("c", "u", "hello?")).forEachRemaining(e -> { }));
                assertThat(failure.getStatus().getCode(), is(Status.Code.UNAVAILABLE));
                assertThat(failure.getStatus().getDescription(),
                        is("The language model at 127.0.0.1:" + port + " could not be reached."));
            } finally {
                downChannel.shutdownNow();
            }
        }
    }
}
