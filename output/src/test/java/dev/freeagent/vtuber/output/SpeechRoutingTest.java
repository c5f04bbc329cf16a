package dev.freeagent.vtuber.output;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.session.SessionDirectory;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.speech.v1.SpeechKind;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Two output instances on one Redis: dialog finds the instance that holds the session through the session
 * directory, and a STOP sent to the other instance is forwarded there.
 */
class SpeechRoutingTest {
    private static OutputFixture a;
    private static OutputFixture b;
    private static RedisLink dialogLink;
    private static SessionDirectory dialogDirectory;

    @BeforeAll
    static void start() {
        a = OutputFixture.start(TestRedis.machine(), Map.of());
        b = OutputFixture.start(TestRedis.machine(), Map.of());
        dialogLink = RedisLink.open(TestRedis.machine());
        dialogDirectory = SessionDirectory.create(dialogLink);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        dialogLink.close();
    }

    @Test
    void dialogFindsTheHolderAndAStopSentElsewhereIsForwardedToIt() throws Exception {
        String id = UUID.randomUUID().toString();
        // dialog starts waiting before the client connects, as at the start of a turn
        CompletableFuture<Optional<String>> holder = CompletableFuture.supplyAsync(
                () -> dialogDirectory.await(id, Duration.ofSeconds(10)));
        WsTestClient socket = a.socket(id);
        assertThat(holder.get(10, TimeUnit.SECONDS), is(Optional.of(a.address())));

        ManagedChannel toHolder = GrpcChannels.open("http://" + holder.get().orElseThrow());
        try {
            TestDialog dialog = TestDialog.speak(toHolder).open(id, SpeechKind.PASSTHROUGH)
                    .chunk(0, "x-0".getBytes(StandardCharsets.US_ASCII), 0, 0);
            BargeInTest.awaitChunks(socket, 1);

            StopReply reply = BargeInTest.stop(b, id, false);

            assertThat(reply.getOutcome(), is(StopOutcome.STOPPED));
            dialog.nextStop();
            dialog.chunk(1, "x-1".getBytes(StandardCharsets.US_ASCII), 0, 0).stopAck().complete();
            assertThat(socket.nextText(), is("{\"type\":\"control\",\"action\":\"STOP_ACK\",\"task_id\":\"" + id + "\"}"));
            assertThat(dialog.ended().getCode(), is(Status.Code.OK));
        } finally {
            toHolder.shutdownNow();
        }

        socket.socket().sendClose(1000, "bye").join();
        socket.nextClose();
        OutputFixture.eventually(() -> dialogDirectory.lookup(id).isEmpty());
        assertThat(BargeInTest.stop(b, id, false).getOutcome(), is(StopOutcome.NOTHING_PLAYING));
    }

    @Test
    void aForwardedStopIsNeverForwardedAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        WsTestClient socket = a.socket(id);
        a.awaitWaiting(id);
        assertThat(dialogDirectory.lookup(id), is(Optional.of(a.address())));

        StopReply reply = BargeInTest.stop(b, id, true);

        assertThat(reply.getOutcome(), is(StopOutcome.NOTHING_PLAYING));
        assertThat(reply.getDetail(), is("Nothing is playing for session " + id + "."));
        socket.socket().abort();
    }
}
