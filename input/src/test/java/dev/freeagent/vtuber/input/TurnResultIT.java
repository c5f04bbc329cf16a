package dev.freeagent.vtuber.input;

import java.net.http.HttpClient;
import java.util.Map;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What a turn sends to dialog and publishes in Redis (contract §3.3, §7): result shapes, the durable copy,
 * identity and meta pass-through, dialog's errors, the deadline, and the temp folder's cleanup.
 */
class TurnResultIT {
    private static FakeDialog dialog;
    private static RunningInput input;
    private static HttpClient http;
    private static ResultWatcher results;

    @BeforeAll
    static void start() throws Exception {
        dialog = new FakeDialog();
        input = RunningInput.start(TestRedis.machine(), dialog.url(), Map.of("input.dialog-timeout-seconds", "1"));
        http = HttpClient.newHttpClient();
        results = new ResultWatcher(TestRedis.machine());
    }

    @AfterAll
    static void stop() throws Exception {
        results.close();
        http.close();
        input.close();
        dialog.close();
    }

    @Test
    void textTurnPublishesSuccessAndKeepsADurableCopy() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
            client.binary("你好 there");
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            assertThat(client.nextJson().path("status").asText(), is("queued"));
            assertThat(client.closeCode(), is(1000));

            JsonNode result = results.awaitMessage(taskId);
            assertThat(result.toString(), is("{\"status\":\"success\",\"sessionId\":\"" + taskId
                    + "\",\"text\":\"Hello world\",\"transcript\":\"你好 there\",\"stats\":{\"ttft_ms\":12.5,"
                    + "\"tokens\":2},\"source\":\"dialog-engine\",\"input_mode\":\"text\"}"));
            assertThat(results.stored(taskId), is(result.toString()));
            assertThat(results.ttlSeconds(taskId), allOf(greaterThan(0L), lessThanOrEqualTo(600L)));
        }
    }

    @Test
    void inlineTextCarriesMetaSessionUserAndTurnToDialogAndLeavesNoFiles() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"  \","
                    + "\"content\":\" hi \",\"sessionId\":\"conv-7\",\"turn\":3,"
                    + "\"meta\":{\"lang\":\"en\",\"userId\":\"u-42\",\"depth\":2}}");
            client.json("{\"action\":\"upload_complete\"}");
            assertThat(client.nextJson().path("status").asText(), is("queued"));

            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getText(), is("hi"));
            assertThat(request.getConversationId(), is("conv-7"));
            assertThat(request.getUserId(), is("u-42"));
            assertThat(request.getTurn(), is(3));
            assertThat(request.getMeta().getFieldsOrThrow("lang").getStringValue(), is("en"));
            assertThat(request.getMeta().getFieldsOrThrow("depth").getNumberValue(), is(2.0));
            assertThat(results.await(taskId).path("status").asText(), is("success"));
            assertThat(input.taskFolder(taskId).toFile().exists(), is(false));
            assertThat(input.taskFolder(taskId).getParent().toFile().isDirectory(), is(true));
        }
    }

    @Test
    void aSpokenReplyTellsOutputThatAudioFollows() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"hi\","
                    + "\"meta\":{\"script\":\"spoken\"}}");
            client.json("{\"action\":\"upload_complete\"}");
            assertThat(client.nextJson().path("status").asText(), is("queued"));
            JsonNode result = results.await(taskId);
            assertThat(result.path("audio").asBoolean(), is(true));
            assertThat(result.path("text").asText(), is("Hello world"));
        }
    }

    @Test
    void visitorHeaderNamesUserAndConversationWhenTheClientDoesNot() throws Exception {
        try (InputClient client = InputClient.connectAsVisitor(http, input.port(), "b-123")) {
            String taskId = client.taskId();
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"prompt\":\"yo\"}");
            client.json("{\"action\":\"upload_complete\"}");
            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getUserId(), is("visitor:b-123"));
            assertThat(request.getConversationId(), is("visitor:b-123"));
            assertThat(request.getTurn(), is(0));
            assertThat(request.hasMeta(), is(false));
            assertThat(results.await(taskId).path("status").asText(), is("success"));
        }
    }

    @Test
    void withoutIdentityTheUserIsAnonymousAndTheConversationIsTheTask() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"x\",\"turn\":\"2\"}");
            client.json("{\"action\":\"upload_complete\"}");
            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getUserId(), is("anonymous"));
            assertThat(request.getConversationId(), is(taskId));
            assertThat(request.getTurn(), is(0));
            assertThat(results.await(taskId).path("status").asText(), is("success"));
        }
    }

    @Test
    void audioTurnKeepsTheDeclaredFormatAndPublishesPartials() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"audio\",\"chunk_id\":0,\"action\":\"data_chunk\",\"mime_type\":\"audio/ogg\","
                    + "\"meta\":{\"script\":\"partials\",\"lang\":\"zh\"}}");
            client.binary(new byte[] {1, 2, 3});
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"type\":\"audio\",\"chunk_id\":1,\"action\":\"data_chunk\",\"mime_type\":\"audio/ogg\","
                    + "\"meta\":{\"script\":\"partials\",\"lang\":\"zh\"}}");
            client.binary(new byte[] {4, 5});
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");

            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getAudio().getContentType(), is("audio/ogg"));
            assertThat(request.getAudio().getLang(), is("zh"));
            assertThat(request.getAudio().getData().toByteArray(), is(new byte[] {1, 2, 3, 4, 5}));
            JsonNode result = results.await(taskId);
            assertThat(result.path("input_mode").asText(), is("audio"));
            assertThat(result.path("transcript").asText(), is("transcribed 5 bytes"));
            assertThat(result.path("partials").toString(), is("[\"你好\",\"你好世界\"]"));
        }
    }

    @Test
    void imageTurnPublishesTheUploadsMeta() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"image\",\"chunk_id\":0,\"action\":\"data_chunk\",\"content_type\":\"image/jpeg\","
                    + "\"text\":\"what is this?\",\"meta\":{\"lang\":\"en\"}}");
            client.binary(new byte[] {(byte) 0xFF, (byte) 0xD8});
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");

            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getImage().getMimeType(), is("image/jpeg"));
            assertThat(request.getImage().getPrompt(), is("what is this?"));
            JsonNode result = results.await(taskId);
            assertThat(result.path("input_mode").asText(), is("image"));
            assertThat(result.path("transcript").asText(), is("Describe this image."));
            assertThat(result.path("meta").toString(), is("{\"lang\":\"en\"}"));
            assertThat(result.has("partials"), is(false));
        }
    }

    @Test
    void acceptsASingleFrameLargerThanHelidonsDefaultLimit() throws Exception {
        byte[] recording = new byte[2 * 1024 * 1024];
        recording[recording.length - 1] = 9;
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{\"type\":\"audio\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
            results.watch(taskId);
            client.binary(recording);
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getAudio().getData().size(), is(recording.length));
            assertThat(request.getAudio().getContentType(), is("audio/webm"));
            assertThat(results.await(taskId).path("status").asText(), is("success"));
        }
    }

    @Test
    void emptyAudioPublishesAudioPayloadEmpty() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"audio\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
            client.json("{\"action\":\"upload_complete\"}");
            assertThat(client.nextJson().path("status").asText(), is("queued"));
            assertThat(results.await(taskId).toString(), is(error(taskId, "audio_payload_empty")));
        }
    }

    @Test
    void dialogsOwnSentenceIsPublishedOnUnavailable() throws Exception {
        String taskId = textTurn("{\"script\":\"unavailable\"}");
        assertThat(results.await(taskId).toString(), is(error(taskId, FakeDialog.UNAVAILABLE_SENTENCE)));
    }

    @Test
    void slowDialogEndsInAnErrorAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        String taskId = textTurn("{\"script\":\"stall\"}");
        JsonNode result = results.await(taskId);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.toString(), is(error(taskId, "The dialog service did not answer within 1 s.")));
        assertThat(elapsedMs, lessThan(2500L));
    }

    private String textTurn(String meta) throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"hi\",\"meta\":"
                    + meta + "}");
            client.json("{\"action\":\"upload_complete\"}");
            assertThat(client.nextJson().path("task_id").asText(), is(taskId));
            assertThat(dialog.awaitRequest(taskId), notNullValue());
            return taskId;
        }
    }

    static String error(String taskId, String error) {
        return "{\"status\":\"error\",\"task_id\":\"" + taskId + "\",\"error\":\"" + error
                + "\",\"source\":\"dialog-engine\"}";
    }
}
