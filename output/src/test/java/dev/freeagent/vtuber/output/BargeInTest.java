package dev.freeagent.vtuber.output;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;
import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Barge-in on one instance: STOP silences exactly the stream of its session, even while dialog keeps sending.
 */
class BargeInTest {
    private static OutputFixture output;

    @BeforeAll
    static void start() {
        output = OutputFixture.start(TestRedis.machine(), Map.of("output.stop-ack-timeout-ms", "1500"));
        // a first call pays for connecting and class loading; the STOP timings below are about the STOP
        stop(output, UUID.randomUUID().toString(), false);
    }

    @AfterAll
    static void stop() {
        output.close();
    }

    @Test
    void nothingReachesTheClientAfterStopAckWhileDialogKeepsSending() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.PASSTHROUGH);
        Sender sender = Sender.start(dialog);
        awaitChunks(socket, 3);

        long asked = System.nanoTime();
        StopReply reply = stop(output, id, false);
        assertThat(reply.getOutcome(), is(StopOutcome.STOPPED));
        // answered at once, not after dialog's stop_ack (not sent yet) nor after the ack timeout
        assertThat((System.nanoTime() - asked) / 1_000_000, lessThan(1500L));

        dialog.nextStop();
        sender.sendMore(20);
        dialog.stopAck();
        sender.sendMore(20);
        sender.finish();
        dialog.complete();
        assertThat(dialog.ended().getCode(), is(Status.Code.OK));

        skipChunksUntilControl(socket, "STOP_ACK", id);
        // everything dialog sent has been handled (its call ended); a result published now must be the next frame
        output.redis().publish("task_response:" + id, "{\"text\": \"after stop\"}");
        assertThat(socket.nextJson().get("content").asText(), is("after stop"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void stopAcknowledgesToTheClientAtOnceAndCancelsTheStreamWhenDialogNeverAnswers() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.streamingSocket(id);
        output.awaitWaiting(id);
        TestDialog dialog = TestDialog.speak(output.channel()).open(id, SpeechKind.REPLY).chunk(0, new byte[] {1, 2}, 16000, 1);
        socket.nextJson();
        socket.nextBinary();

        long asked = System.nanoTime();
        assertThat(stop(output, id, false).getOutcome(), is(StopOutcome.STOPPED));
        dialog.nextStop();
        dialog.chunk(1, new byte[] {3, 4}, 16000, 1);

        assertThat(socket.nextText(), is("{\"type\":\"control\",\"action\":\"STOP_ACK\",\"task_id\":\"" + id + "\"}"));
        // the client's acknowledgement does not wait for dialog; the stream is cancelled after the ack timeout
        assertThat((System.nanoTime() - asked) / 1_000_000, lessThan(1450L));
        Status ended = dialog.ended();
        assertThat(ended.getCode(), is(Status.Code.CANCELLED));
        assertThat((System.nanoTime() - asked) / 1_000_000, allOf(greaterThanOrEqualTo(1450L), lessThan(10_000L)));
        output.redis().publish("task_response:" + id, "{\"text\": \"t\"}");
        assertThat(socket.nextJson().get("status").asText(), is("success"));
        assertThat(socket.nextClose().code(), is(1000));
    }

    @Test
    void stoppingOneSessionLeavesAnotherStreaming() throws Exception {
        String stopped = UUID.randomUUID().toString();
        String playing = UUID.randomUUID().toString();
        WsTestClient stoppedSocket = output.socket(stopped);
        WsTestClient playingSocket = output.socket(playing);
        output.awaitWaiting(stopped);
        output.awaitWaiting(playing);
        TestDialog first = TestDialog.speak(output.channel()).open(stopped, SpeechKind.PASSTHROUGH);
        TestDialog second = TestDialog.speak(output.channel()).open(playing, SpeechKind.PASSTHROUGH);
        first.chunk(0, bytes("a-0"), 0, 0);
        second.chunk(0, bytes("b-0"), 0, 0);
        awaitChunks(stoppedSocket, 1);
        awaitChunks(playingSocket, 1);

        assertThat(stop(output, stopped, false).getOutcome(), is(StopOutcome.STOPPED));
        first.nextStop();
        first.stopAck().complete();
        skipChunksUntilControl(stoppedSocket, "STOP_ACK", stopped);

        second.chunk(1, bytes("b-1"), 0, 0).end().complete();
        assertThat(playingSocket.nextJson().get("chunk_id").asInt(), is(1));
        assertThat(new String(playingSocket.nextBinary(), StandardCharsets.US_ASCII), is("b-1"));
        assertThat(playingSocket.nextJson().get("action").asText(), is("END"));
        assertThat(second.ended().getCode(), is(Status.Code.OK));
        assertThat(first.ended().getCode(), is(Status.Code.OK));
        stoppedSocket.socket().abort();
        playingSocket.socket().abort();
    }

    @Test
    void aSessionHereWithNothingStreamingAnswersNothingPlaying() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);

        StopReply reply = stop(output, id, false);

        assertThat(reply.getOutcome(), is(StopOutcome.NOTHING_PLAYING));
        assertThat(reply.getDetail(), is("Session " + id + " is connected, but no speech is streaming to it."));
        assertThat(stop(output, UUID.randomUUID().toString(), false).getOutcome(), is(StopOutcome.NOTHING_PLAYING));
        socket.socket().abort();
    }

    static StopReply stop(OutputFixture instance, String sessionId, boolean forwarded) {
        return OutputControlGrpc.newBlockingStub(instance.controlChannel()).withDeadlineAfter(5, TimeUnit.SECONDS)
                .stop(StopRequest.newBuilder().setSessionId(sessionId).setForwarded(forwarded).build());
    }

    static void awaitChunks(WsTestClient socket, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(socket.nextJson().get("type").asText(), is("audio_chunk"));
            socket.nextBinary();
        }
    }

    /** Reads chunk pairs (sent before the stop took effect) until the control frame, which must come. */
    static void skipChunksUntilControl(WsTestClient socket, String action, String id) throws Exception {
        while (true) {
            JsonNode frame = socket.nextJson();
            if (frame.get("type").asText().equals("control")) {
                assertThat(frame.toString(), is("{\"type\":\"control\",\"action\":\"" + action + "\",\"task_id\":\"" + id + "\"}"));
                return;
            }
            assertThat(frame.get("type").asText(), is("audio_chunk"));
            socket.nextBinary();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends passthrough chunks as fast as it can (up to a bound) until told to stop, like a dialog whose synthesis
     * was already running when the STOP came, so chunks race with the STOP.
     */
    private static final class Sender {
        private static final long MAX_CHUNKS = 5_000;

        private final TestDialog dialog;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private long seq;

        private Sender(TestDialog dialog) {
            this.dialog = dialog;
        }

        static Sender start(TestDialog dialog) {
            Sender sender = new Sender(dialog);
            Thread.ofVirtual().start(sender::run);
            return sender;
        }

        private void run() {
            while (running.get() && seq < MAX_CHUNKS) {
                dialog.chunk(seq, bytes("bench-" + seq), 0, 0);
                seq++;
            }
            done.complete(seq);
        }

        void sendMore(int count) throws Exception {
            finish();
            for (int i = 0; i < count; i++) {
                dialog.chunk(seq, bytes("late-" + seq), 0, 0);
                seq++;
            }
        }

        void finish() throws Exception {
            running.set(false);
            done.get(5, TimeUnit.SECONDS);
        }
    }
}
