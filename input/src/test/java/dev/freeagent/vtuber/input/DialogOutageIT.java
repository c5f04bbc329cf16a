package dev.freeagent.vtuber.input;

import java.net.http.HttpClient;
import java.util.Map;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisSettings;
import dev.freeagent.vtuber.common.testing.TestRedis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Turns while a dependency is down: dialog unreachable, and Redis down until after the turn.
 */
class DialogOutageIT {
    private static HttpClient http;

    @BeforeAll
    static void start() {
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void unreachableDialogPublishesOurSentence() throws Exception {
        String nobody = "http://127.0.0.1:" + EmbeddedRedis.freePort();
        try (RunningInput input = RunningInput.start(TestRedis.machine(), nobody, Map.of());
                ResultWatcher results = new ResultWatcher(TestRedis.machine());
                InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            results.watch(taskId);
            sendText(client, "anyone there?");
            assertThat(results.await(taskId).toString(),
                    is(TurnResultIT.error(taskId, "The dialog service is not reachable.")));
        }
    }

    @Test
    void resultOfATurnMadeWhileRedisWasDownIsDeliveredWhenItReturns() throws Exception {
        int port = EmbeddedRedis.freePort();
        RedisSettings down = TestRedis.machine().at("127.0.0.1", port);
        try (FakeDialog dialog = new FakeDialog();
                RunningInput input = RunningInput.start(down, dialog.url(), Map.of());
                InputClient client = InputClient.connect(http, input.port())) {
            String taskId = client.taskId();
            sendText(client, "remember me");
            dialog.awaitRequest(taskId);
            assertThat(input.redis.available(), is(false));
            try (EmbeddedRedis redis = EmbeddedRedis.start(port);
                    ResultWatcher results = new ResultWatcher(down)) {
                results.watch(taskId);
                assertThat(results.await(taskId).path("text").asText(), is("Hello world"));
                assertThat(results.stored(taskId).contains("\"status\":\"success\""), is(true));
            }
        }
    }

    private static void sendText(InputClient client, String text) throws InterruptedException {
        client.json("{\"type\":\"text\",\"chunk_id\":0,\"action\":\"data_chunk\",\"text\":\"" + text + "\"}");
        client.json("{\"action\":\"upload_complete\"}");
        assertThat(client.nextJson().path("status").asText(), is("queued"));
    }
}
