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
import static org.hamcrest.Matchers.is;

/**
 * The frame protocol of {@code /ws/input} (contract §3.1, §3.2) against the running service: acks, every
 * error path, limits, and the socket still working after advisory errors.
 */
class UploadSocketIT {
    private static final String QUEUED_ACTION = "upload_processed";

    private static FakeDialog dialog;
    private static RunningInput input;
    private static HttpClient http;
    private static ResultWatcher results;

    @BeforeAll
    static void start() throws Exception {
        dialog = new FakeDialog();
        input = RunningInput.start(TestRedis.machine(), dialog.url(),
                Map.of("input.max-upload-bytes", "1000", "input.max-chunks", "4"));
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
    void repliesInvalidJsonFormatAndKeepsReading() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{not json");
            assertThat(client.next(), is("Invalid JSON format"));
            uploadText(client, "still works");
            assertQueued(client.nextJson(), taskId);
            assertThat(dialog.awaitRequest(taskId).getText(), is("still works"));
        }
    }

    @Test
    void rejectsBinaryBeforeMetadata() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.binary("too early");
            assertThat(client.next(), is("Error: No metadata received before binary data"));
            uploadText(client, "after the error");
            assertQueued(client.nextJson(), taskId);
            assertThat(dialog.awaitRequest(taskId).getText(), is("after the error"));
        }
    }

    @Test
    void chunkIdMismatchIsAdvisoryAndChunksJoinInIdOrder() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{\"type\":\"text\",\"chunk_id\":3,\"action\":\"data_chunk\"}");
            assertThat(client.next(), is("Chunk ID mismatch: expected 0, got 3"));
            client.binary("world");
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"type\":\"text\",\"chunk_id\":1,\"action\":\"data_chunk\"}");
            client.binary("hello ");
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            assertQueued(client.nextJson(), taskId);
            assertThat(dialog.awaitRequest(taskId).getText(), is("hello world"));
        }
    }

    @Test
    void reportsDataChunkWithoutChunkIdClearly() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{\"type\":\"text\",\"action\":\"data_chunk\"}");
            assertThat(client.next(), is("Error: data_chunk needs a chunk_id"));
            client.binary("lost");
            assertThat(client.next(), is("Error: data_chunk needs a chunk_id"));
            uploadText(client, "kept");
            assertQueued(client.nextJson(), taskId);
            assertThat(dialog.awaitRequest(taskId).getText(), is("kept"));
        }
    }

    @Test
    void rejectsJsonThatIsNotAnObjectAndIgnoresUnknownActions() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            client.json("[1]");
            assertThat(client.next(), is("Error: expected a JSON object"));
            client.json("{\"action\":\"ping\"}");
            client.json("{\"hello\":1}");
            client.json("nope");
            // the unknown action and the object without one got no reply: the next frame answers "nope"
            assertThat(client.next(), is("Invalid JSON format"));
        }
    }

    @Test
    void emptyTextIsAnErrorNotQueued() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"   \"}");
            client.json("{\"action\":\"upload_complete\"}");
            assertError(client.nextJson(), "text_payload_empty");
            assertThat(client.closeCode(), is(1000));
        }
    }

    @Test
    void invalidUtf8TextIsAnError() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"inline\"}");
            client.binary(new byte[] {(byte) 0xC3, (byte) 0x28});
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            assertError(client.nextJson(), "text_payload_invalid_utf8");
        }
    }

    @Test
    void unknownTypeIsAnErrorNotQueued() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.json("{\"type\":\" Video \",\"chunk_id\":0,\"action\":\"data_chunk\"}");
            client.binary("frames");
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            assertError(client.nextJson(), "unsupported upload type: video");
            assertThat(client.closeCode(), is(1000));
            assertThat(input.taskFolder(taskId).toFile().exists(), is(false));
        }
    }

    @Test
    void uploadCompleteWithoutMetadataIsAnError() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            client.json("{\"action\":\"upload_complete\"}");
            assertError(client.nextJson(), "no data_chunk metadata received before upload_complete");
            assertThat(client.closeCode(), is(1000));
        }
    }

    @Test
    void uploadOverTheByteLimitIsDiscardedAndClosedWith1009() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            client.json("{\"type\":\"audio\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
            client.binary(new byte[600]);
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"type\":\"audio\",\"chunk_id\":1,\"action\":\"data_chunk\"}");
            client.binary(new byte[300], false).binary(new byte[300], true);
            assertThat(client.next(), is("Error: upload exceeds the limit of 1000 bytes"));
            assertThat(client.closeCode(), is(1009));
        }
    }

    @Test
    void uploadOverTheChunkLimitIsDiscardedAndClosedWith1009() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            client.taskId();
            for (int id = 0; id < 4; id++) {
                client.json("{\"type\":\"audio\",\"chunk_id\":" + id + ",\"action\":\"data_chunk\"}");
                client.binary(new byte[] {1});
                assertThat(client.next(), is("File chunk received"));
            }
            client.json("{\"type\":\"audio\",\"chunk_id\":4,\"action\":\"data_chunk\"}");
            client.binary(new byte[] {1});
            assertThat(client.next(), is("Error: upload exceeds the limit of 4 chunks"));
            assertThat(client.closeCode(), is(1009));
        }
    }

    @Test
    void assemblesFragmentedFrames() throws Exception {
        try (InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            client.text("{\"type\":\"text\",\"chunk_id\":0,", false).text("\"action\":\"data_chunk\"}", true);
            client.binary("frag".getBytes(), false).binary("men".getBytes(), false).binary("ted".getBytes(), true);
            assertThat(client.next(), is("File chunk received"));
            client.json("{\"action\":\"upload_complete\"}");
            assertQueued(client.nextJson(), taskId);
            ChatRequest request = dialog.awaitRequest(taskId);
            assertThat(request.getText(), is("fragmented"));
        }
    }

    private static void uploadText(InputClient client, String text) throws InterruptedException {
        client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\"}");
        client.binary(text);
        assertThat(client.next(), is("File chunk received"));
        client.json("{\"action\":\"upload_complete\"}");
    }

    // Also waits for the turn's result, so its durable copy is deleted with the watcher.
    private static void assertQueued(JsonNode frame, String taskId) throws Exception {
        assertThat(frame.toString(), is("{\"type\":\"system\",\"action\":\"" + QUEUED_ACTION
                + "\",\"status\":\"queued\",\"task_id\":\"" + taskId + "\"}"));
        assertThat(results.await(taskId).path("status").asText(), is("success"));
    }

    private static void assertError(JsonNode frame, String error) {
        assertThat(frame.toString(), is("{\"type\":\"system\",\"action\":\"" + QUEUED_ACTION
                + "\",\"status\":\"error\",\"error\":\"" + error + "\"}"));
    }
}
