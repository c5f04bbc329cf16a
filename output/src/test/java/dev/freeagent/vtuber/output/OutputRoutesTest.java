package dev.freeagent.vtuber.output;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * HTTP routes (contract §4.4) and the gRPC OutputControl.Stop outcomes.
 */
class OutputRoutesTest {
    private static OutputFixture plain;
    private static OutputFixture bargeIn;
    private static ManagedChannel plainChannel;
    private static ManagedChannel bargeInChannel;

    @BeforeAll
    static void start() {
        // the original's defaults (both flags off); ours are on (output.yaml)
        plain = OutputFixture.start(TestRedis.machine(), Map.of("output.barge-in", "false", "output.streaming", "false"));
        bargeIn = OutputFixture.start(TestRedis.machine(), Map.of("output.barge-in", "yes",
                                                                  "output.streaming", "1"));
        plainChannel = GrpcChannels.open(plain.service().url("http"));
        bargeInChannel = GrpcChannels.open(bargeIn.service().url("http"));
    }

    @AfterAll
    static void stop() {
        plainChannel.shutdownNow();
        bargeInChannel.shutdownNow();
        plain.close();
        bargeIn.close();
    }

    @Test
    void statusTracksASocketFromWaitingToNotFound() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(plain.getJson("/status/" + id).toString(),
                   is("{\"task_id\":\"" + id + "\",\"status\":\"not_found\",\"connected\":false}"));

        WsTestClient socket = plain.socket(id);
        plain.awaitWaiting(id);
        assertThat(plain.getJson("/status/" + id).toString(),
                   is("{\"task_id\":\"" + id + "\",\"status\":\"waiting\",\"connected\":true}"));
        assertThat(plain.getJson("/health").get("active_connections").asInt(), is(1));
        assertThat(plain.get("/").body(), containsString("活跃连接数: 1"));

        socket.socket().abort();
        OutputFixture.eventually(() -> "not_found".equals(statusQuietly(id)));
    }

    @Test
    void healthReportsRedisAndTheFlags() throws Exception {
        HttpResponse<String> response = plain.get("/health");
        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("content-type").orElse(""), containsString("application/json"));
        JsonNode health = Json.parse(response.body());
        assertThat(health.toString(), is("{\"status\":\"ok\",\"redis\":\"connected\",\"active_connections\":"
                + health.get("active_connections").asInt() + ",\"streaming_enabled\":false,"
                + "\"barge_in_enabled\":false,\"ingest_connected\":false}"));
        JsonNode flagged = bargeIn.getJson("/health");
        assertThat(flagged.get("streaming_enabled").asBoolean(), is(true));
        assertThat(flagged.get("barge_in_enabled").asBoolean(), is(true));
    }

    @Test
    void homePageShowsTheConnectionCount() throws Exception {
        HttpResponse<String> page = bargeIn.get("/");
        assertThat(page.statusCode(), is(200));
        assertThat(page.headers().firstValue("content-type").orElse(""), containsString("text/html"));
        assertThat(page.body(), containsString("活跃连接数: 0"));
    }

    @Test
    void readinessProbeChecksRedis() throws Exception {
        assertThat(plain.get("/observe/health/ready").body(), containsString("redis"));
    }

    @Test
    void stopWithoutSessionIdIsInvalidArgument() {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> OutputControlGrpc.newBlockingStub(bargeInChannel).stop(StopRequest.newBuilder().setSessionId(" ").build()));
        assertThat(failure.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(failure.getStatus().getDescription(), is("sessionId required"));
    }

    @Test
    void stopIsRefusedWhenBargeInIsDisabled() {
        StopReply reply = OutputControlGrpc.newBlockingStub(plainChannel)
                .stop(StopRequest.newBuilder().setSessionId("s-1").build());
        assertThat(reply.getOutcome(), is(StopOutcome.BARGE_IN_DISABLED));
        assertThat(reply.getDetail(), is("SYNC_TTS_BARGE_IN disabled"));
    }

    @Test
    void stopAnswersNothingPlayingWhenNoSpeechStreams() {
        StopReply reply = OutputControlGrpc.newBlockingStub(bargeInChannel)
                .stop(StopRequest.newBuilder().setSessionId("s-2").build());
        assertThat(reply.getOutcome(), is(StopOutcome.NOTHING_PLAYING));
        assertThat(reply.getDetail(), is("Nothing is playing for session s-2."));
    }

    @Test
    void speechIsRefusedWithFailedPreconditionWhenStreamingIsDisabled() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = plain.socket(id);
        plain.awaitWaiting(id);

        Status status = TestDialog.speak(plainChannel).open(id, SpeechKind.REPLY).ended();

        assertThat(status.getCode(), is(Status.Code.FAILED_PRECONDITION));
        assertThat(status.getDescription(), is("SYNC_TTS_STREAMING disabled"));
        socket.socket().abort();
    }

    private static String statusQuietly(String id) {
        try {
            return plain.status(id);
        } catch (Exception e) {
            return "";
        }
    }
}
