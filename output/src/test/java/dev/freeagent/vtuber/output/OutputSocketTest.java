package dev.freeagent.vtuber.output;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

/**
 * The client output socket against the machine's Redis (contract §4.1, §4.2, §14.14).
 */
class OutputSocketTest {
    @TempDir
    static Path dataDir;

    private static OutputFixture output;
    private final List<String> taskIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        output = OutputFixture.start(TestRedis.machine(), Map.of("data.dir", dataDir.toString(),
                                                                "output.wait-timeout-seconds", "30"));
    }

    @AfterAll
    static void stop() {
        output.close();
    }

    @AfterEach
    void deleteKeys() {
        taskIds.forEach(id -> output.redis().del("task_result:" + id));
    }

    private String newTaskId() {
        String id = UUID.randomUUID().toString();
        taskIds.add(id);
        return id;
    }

    @Test
    void acceptsEveryUuidFormPythonAccepts() throws Exception {
        String hex = UUID.randomUUID().toString().replace("-", "");
        String canonical = UUID.randomUUID().toString();
        for (String form : List.of(canonical, hex, "%7B" + canonical + "%7D", "urn:uuid:" + canonical,
                                   canonical.toUpperCase())) {
            WsTestClient socket = output.socket(form);
            output.awaitWaiting(form);
            socket.socket().abort();
        }
    }

    @Test
    void rejectsAnInvalidTaskIdAtTheHandshakeWith403() {
        for (String garbage : List.of("not-a-uuid", "1234", UUID.randomUUID() + "0", "g" + UUID.randomUUID().toString().substring(1))) {
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> output.socket(garbage));
            Throwable cause = failure.getCause() instanceof CompletionException c ? c.getCause() : failure.getCause();
            assertThat(cause, instanceOf(WebSocketHandshakeException.class));
            assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode(), is(403));
        }
    }

    @Test
    void deliversAResultStoredBeforeTheSocketOpened() throws Exception {
        String id = newTaskId();
        output.redis().setex("task_result:" + id, 60, """
                {"status": "success", "sessionId": "%s", "text": "你好", "transcript": "hi",
                 "stats": {"ttft_ms": 12.5, "tokens": 2}, "source": "dialog-engine", "input_mode": "text"}
                """.formatted(id));

        WsTestClient socket = output.socket(id);

        JsonNode frame = socket.nextJson();
        assertThat(fieldNames(frame), contains("status", "task_id", "content", "audio_present", "transcript",
                                               "stats", "source", "input_mode", "partials"));
        assertThat(frame.get("status").asText(), is("success"));
        assertThat(frame.get("task_id").asText(), is(id));
        assertThat(frame.get("content").asText(), is("你好"));
        assertThat(frame.get("audio_present").asBoolean(), is(false));
        assertThat(frame.get("transcript").asText(), is("hi"));
        assertThat(frame.get("stats").get("tokens").asInt(), is(2));
        assertThat(frame.get("input_mode").asText(), is("text"));
        assertThat(frame.get("partials").isNull(), is(true));
        assertThat(socket.nextClose().code(), is(1000));
        assertThat(output.status(id), is("not_found"));
    }

    @Test
    void deliversAResultPublishedAfterSubscribingExactlyOnce() throws Exception {
        String id = newTaskId();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        long receivers = output.redis().publish("task_response:" + id, "{\"reply\": \"from reply\"}");
        output.redis().publish("task_response:" + id, "{\"text\": \"second\"}");

        assertThat(receivers, is(1L));
        JsonNode frame = socket.nextJson();
        assertThat(frame.get("status").asText(), is("success"));
        assertThat(frame.get("content").asText(), is("from reply"));
        assertThat(frame.get("transcript").isNull(), is(true));
        assertThat(socket.nextClose().code(), is(1000));
        OutputFixture.eventually(() -> output.subscribers("task_response:" + id) == 0);
    }

    @Test
    void translatesAnErrorResultWithDefaultsAndMeta() throws Exception {
        String id = newTaskId();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        output.redis().publish("task_response:" + id, "{\"status\": \"FAILED\", \"error\": \"\", \"meta\": {\"k\": 1}}");

        JsonNode frame = socket.nextJson();
        assertThat(fieldNames(frame), contains("status", "task_id", "error", "source", "meta"));
        assertThat(frame.get("status").asText(), is("error"));
        assertThat(frame.get("task_id").asText(), is(id));
        assertThat(frame.get("error").asText(), is("dialog_engine_failed"));
        assertThat(frame.get("source").asText(), is("dialog-engine"));
        assertThat(frame.get("meta").get("k").asInt(), is(1));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void answersInvalidResponseFormatForAResultThatIsNotJson() throws Exception {
        String id = newTaskId();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        output.redis().publish("task_response:" + id, "{not json");

        JsonNode frame = socket.nextJson();
        assertThat(frame.toString(), is("{\"status\":\"error\",\"error\":\"Invalid response format\"}"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void sendsALegacyAudioFileInsideTheDataFolderInSlices() throws Exception {
        String id = newTaskId();
        byte[] audio = new byte[65_536 + 100];
        audio[65_536] = 7;
        Path file = Files.write(dataDir.resolve(id + ".wav"), audio);
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        output.redis().publish("task_response:" + id,
                               "{\"text\": \"t\", \"audio_file\": \"" + file.toAbsolutePath() + "\"}");

        assertThat(socket.nextJson().get("audio_present").asBoolean(), is(true));
        JsonNode first = socket.nextJson();
        assertThat(first.toString(), is("{\"type\":\"audio_chunk\",\"task_id\":\"" + id
                                        + "\",\"chunk_id\":0,\"total_chunks\":2}"));
        assertThat(socket.nextBinary().length, is(65_536));
        assertThat(socket.nextJson().get("chunk_id").asInt(), is(1));
        byte[] second = socket.nextBinary();
        assertThat(second.length, is(100));
        assertThat(second[0], is((byte) 7));
        assertThat(socket.nextJson().toString(), is("{\"type\":\"audio_complete\",\"task_id\":\"" + id + "\"}"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void neverReadsAnAudioFileOutsideTheDataFolder() throws Exception {
        String id = newTaskId();
        Path outside = Files.createTempFile("outside", ".wav");
        Files.write(outside, new byte[] {1, 2, 3});
        try {
            WsTestClient socket = output.socket(id);
            output.awaitWaiting(id);

            output.redis().publish("task_response:" + id, "{\"text\": \"t\", \"audio_file\": \""
                                   + dataDir.resolve("../" + outside.getFileName()) + "\"}");

            assertThat(socket.nextJson().get("audio_present").asBoolean(), is(true));
            assertThat(socket.nextClose().code(), is(1000));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void freesEverythingWhenTheClientDropsTheConnectionWhileWaiting() throws Exception {
        String id = newTaskId();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        assertThat(output.subscribers("task_response:" + id), is(1L));

        socket.socket().abort();

        OutputFixture.eventually(() -> output.subscribers("task_response:" + id) == 0);
        assertThat(output.status(id), is("not_found"));
    }

    @Test
    void freesEverythingWhenTheClientClosesWhileWaiting() throws Exception {
        String id = newTaskId();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        socket.socket().sendText("ignored while waiting", true).join();
        socket.socket().sendClose(1000, "bye").join();

        assertThat(socket.nextClose().code(), is(1000));
        OutputFixture.eventually(() -> output.subscribers("task_response:" + id) == 0);
        assertThat(output.status(id), is("not_found"));
    }

    @Test
    void aSecondSocketForTheSameTaskGetsTheResultToo() throws Exception {
        String id = newTaskId();
        WsTestClient first = output.socket(id);
        output.awaitWaiting(id);
        WsTestClient second = output.socket(id);

        // as input does: the durable copy first, then the message (the second socket may not be subscribed yet)
        output.redis().setex("task_result:" + id, 60, "{\"text\": \"both\"}");
        output.redis().publish("task_response:" + id, "{\"text\": \"both\"}");

        assertThat(first.nextJson().get("content").asText(), is("both"));
        assertThat(second.nextJson().get("content").asText(), is("both"));
        assertThat(first.nextClose().code(), is(1000));
        assertThat(second.nextClose().code(), is(1000));
        OutputFixture.eventually(() -> output.subscribers("task_response:" + id) == 0);
        assertThat(output.status(id), is("not_found"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
