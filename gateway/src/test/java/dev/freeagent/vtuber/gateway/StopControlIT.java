package dev.freeagent.vtuber.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.json.Json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /control/stop} against a scripted gRPC {@code OutputControl} (contract §2.2 without §14 item 20).
 */
class StopControlIT {
    private static final String NOT_A_DICTIONARY = """
            {"detail":[{"type":"dict_type","loc":["body"],"msg":"Input should be a valid dictionary of strings"}]}""";

    private static BackendPeers backend;
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        backend = BackendPeers.start();
        gateway = TestGateway.start(backend.url(), backend.url());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            gateway.close();
        } finally {
            backend.close();
        }
    }

    @BeforeEach
    void forgetEarlierStops() {
        backend.stops.clear();
    }

    @Test
    void rejectsBodiesThatAreNotADictionaryOfStrings() throws Exception {
        for (String body : List.of("[\"sessionId\"]", "\"x\"", "{\"sessionId\": 5}", "{\"sessionId\":\"a\",\"n\":null}",
                "not json", "")) {
            HttpResponse<String> response = post(body);
            assertThat(body, response.statusCode(), is(422));
            assertThat(body, Json.parse(response.body()), is(Json.parse(NOT_A_DICTIONARY)));
        }
    }

    @Test
    void requiresASessionId() throws Exception {
        for (String body : List.of("{}", "{\"sessionId\":\"\"}", "{\"sessionId\":\"  \"}", "{\"other\":\"x\"}")) {
            HttpResponse<String> response = post(body);
            assertThat(body, response.statusCode(), is(400));
            assertThat(body, response.body(), is("{\"detail\":\"sessionId required\"}"));
        }
        assertThat(backend.stops.poll(), is((String) null));
    }

    @Test
    void answersOkWhenOutputStoppedTheSession() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"playing-1\",\"extra\":\"ignored\"}");

        assertThat(response.statusCode(), is(200));
        assertThat(response.body(), is("{\"ok\":true}"));
        assertThat(response.headers().firstValue("content-type").orElse(""), is("application/json"));
        assertThat(backend.stops.poll(5, TimeUnit.SECONDS), is("playing-1"));
    }

    @Test
    void answersConflictWhenBargeInIsDisabled() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"disabled-1\"}");

        assertThat(response.statusCode(), is(409));
        assertThat(response.body(), is("{\"detail\":\"SYNC_TTS_BARGE_IN disabled\"}"));
    }

    @Test
    void answersNotFoundWithOutputsDetailWhenNothingPlays() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"idle-1\"}");

        assertThat(response.statusCode(), is(404));
        assertThat(response.body(), is("{\"detail\":\"no active stream for session idle-1\"}"));
    }

    @Test
    void answersBadRequestWhenOutputRefusesTheSessionId() throws Exception {
        HttpResponse<String> response = post("{\"sessionId\":\"invalid-1\"}");

        assertThat(response.statusCode(), is(400));
        assertThat(response.body(), is("{\"detail\":\"session_id is not a task id\"}"));
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return gateway.send("POST", "/control/stop", body, "Content-Type", "application/json");
    }
}
