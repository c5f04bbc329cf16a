package dev.freeagent.vtuber.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.server.ServiceServer;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.LtmProto;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcRouting;

/**
 * A gRPC server on loopback between a worker and the real ltm service. It passes {@code Write} calls through, except
 * one: that write reaches ltm (the memory is stored) but its reply is held back, so the worker is caught exactly
 * between ltm's write and its own acknowledgement of the stream entry, the moment a crash costs the most.
 */
final class LtmRelay implements AutoCloseable {
    // a held call ends at the latest after this, should nobody release it
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);
    private static final Duration WRITE_DEADLINE = Duration.ofSeconds(10);

    private final ManagedChannel ltm;
    private final int passedBeforeHold;
    private final AtomicInteger writes = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private WebServer server;

    private LtmRelay(ManagedChannel ltm, int passedBeforeHold) {
        this.ltm = ltm;
        this.passedBeforeHold = passedBeforeHold;
    }

    /**
     * Starts the relay on a free port of 127.0.0.1.
     *
     * @param ltmUrl the real ltm service
     * @param passedBeforeHold writes answered before the one held
     * @return the running relay
     */
    static LtmRelay start(String ltmUrl, int passedBeforeHold) {
        LtmRelay relay = new LtmRelay(GrpcChannels.open(ltmUrl), passedBeforeHold);
        WebServerConfig.Builder server = ServiceServer.builder("127.0.0.1", 0, List.of());
        ServiceServer.addGrpc(server, GrpcRouting.builder().service(LtmProto.getDescriptor(), relay.new Relay()));
        relay.server = server.build().start();
        return relay;
    }

    /**
     * The URL to give a worker as {@code workers.ltm.url}.
     *
     * @return e.g. {@code http://127.0.0.1:40123}
     */
    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Waits until ltm has written the held call's memory and its reply is being held back.
     *
     * @param bound the longest wait
     * @return whether it happened within the bound
     */
    boolean awaitHeld(Duration bound) throws InterruptedException {
        return held.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop();
        ltm.shutdownNow();
    }

    private final class Relay extends LongTermMemoryGrpc.LongTermMemoryImplBase {
        @Override
        public void write(WriteRequest request, StreamObserver<WriteReply> observer) {
            WriteReply reply;
            try {
                reply = LongTermMemoryGrpc.newBlockingStub(ltm)
                        .withDeadlineAfter(WRITE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).write(request);
            } catch (StatusRuntimeException e) {
                observer.onError(e);
                return;
            }
            if (writes.incrementAndGet() == passedBeforeHold + 1) {
                held.countDown();
                awaitRelease();
                observer.onError(Status.UNAVAILABLE.withDescription("the relay held this reply back").asRuntimeException());
                return;
            }
            observer.onNext(reply);
            observer.onCompleted();
        }

        private void awaitRelease() {
            try {
                released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
