package dev.freeagent.vtuber.dialog.ltm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.Memory;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveReply;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The recall client against a small real LongTermMemory gRPC server on loopback (standing in for ltm): memories
 * come back best first, at most the configured number, the user and query are passed on, anonymous users are
 * never asked about, and a slow ltm costs at most the deadline.
 */
class LtmRecallClientTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile RetrieveRequest lastRequest;
    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new LongTermMemoryGrpc.LongTermMemoryImplBase() {
                    @Override
                    public void retrieve(RetrieveRequest request, StreamObserver<RetrieveReply> reply) {
                        lastRequest = request;
                        if (request.getQuery().equals("slow")) {
                            await();
                        }
                        reply.onNext(RetrieveReply.newBuilder()
                                .addMemories(Memory.newBuilder().setContent(" likes tea "))
                                .addMemories(Memory.newBuilder().setContent("  "))
                                .addMemories(Memory.newBuilder().setContent("lives in Lyon"))
                                .addMemories(Memory.newBuilder().setContent("has a cat"))
                                .build());
                        reply.onCompleted();
                    }
                })
                .build()
                .start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void returnsTheUsersMemoriesTrimmedAndBounded() {
        try (LtmRecallClient client = client(Duration.ofSeconds(5))) {
            List<String> memories = client.recall(turn("alice", "what do I drink?"));
            assertThat(memories, contains("likes tea", "lives in Lyon"));
            assertThat(lastRequest.getUserId(), is("alice"));
            assertThat(lastRequest.getQuery(), is("what do I drink?"));
            assertThat(lastRequest.getLimit(), is(2));
            assertThat(lastRequest.getLang(), is("en"));
        }
    }

    @Test
    void neverAsksAboutTheAnonymousUser() {
        try (LtmRecallClient client = client(Duration.ofSeconds(5))) {
            assertThat(client.recall(turn("", "hello")), is(empty()));
            assertThat(lastRequest == null, is(true));
        }
    }

    @Test
    void aSlowLtmCostsAtMostTheDeadline() {
        try (LtmRecallClient client = client(Duration.ofMillis(150))) {
            long start = System.nanoTime();
            assertThat(client.recall(turn("alice", "slow")), is(empty()));
            // the server holds the call for 30 s; the bound is loose for busy machines
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), is(lessThan(10_000L)));
        }
    }

    @Test
    void anAbsentLtmYieldsNoMemories() throws InterruptedException {
        String url = "http://127.0.0.1:" + server.getPort();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        try (LtmRecallClient client = new LtmRecallClient(new RecallSettings(true, url, Duration.ofSeconds(1), 2))) {
            assertThat(client.recall(turn("alice", "hello")), is(empty()));
        }
    }

    private LtmRecallClient client(Duration deadline) {
        return new LtmRecallClient(new RecallSettings(true, "http://127.0.0.1:" + server.getPort(), deadline, 2));
    }

    private static TurnRequest turn(String user, String text) {
        return new TurnRequest("task-1", "conv-1", user, 0, text, Map.of("lang", "en"));
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
