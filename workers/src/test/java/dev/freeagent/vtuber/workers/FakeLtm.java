package dev.freeagent.vtuber.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * A small real LongTermMemory gRPC server on loopback. It records every Write, answers {@code duplicate} for a
 * correlation id it has written before (as the ltm service does), and can be told to fail the first n writes of a
 * correlation id with a given status.
 */
final class FakeLtm implements AutoCloseable {
    private final Server server;
    private final BlockingQueue<WriteRequest> writes = new LinkedBlockingQueue<>();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private FakeLtm() {
        try {
            this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(new Service())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake ltm server", e);
        }
    }

    static FakeLtm start() {
        return new FakeLtm();
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /**
     * Fails the next {@code times} writes of the correlation id with the status.
     */
    void fail(String correlationId, Status.Code code, int times) {
        failures.put(correlationId, new Failure(code, new AtomicInteger(times)));
    }

    /**
     * The next write received, waiting for it.
     */
    WriteRequest nextWrite() throws InterruptedException {
        WriteRequest write = writes.poll(10, TimeUnit.SECONDS);
        if (write == null) {
            throw new AssertionError("no write reached the fake ltm within 10 s");
        }
        return write;
    }

    /**
     * How many writes arrived in all.
     */
    int calls() {
        return calls.get();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
    }

    private record Failure(Status.Code code, AtomicInteger remaining) {
    }

    private final class Service extends LongTermMemoryGrpc.LongTermMemoryImplBase {
        @Override
        public void write(WriteRequest request, StreamObserver<WriteReply> replies) {
            calls.incrementAndGet();
            writes.add(request);
            Failure failure = failures.get(request.getCorrelationId());
            if (failure != null && failure.remaining().getAndDecrement() > 0) {
                replies.onError(Status.fromCode(failure.code()).withDescription("scripted failure").asRuntimeException());
                return;
            }
            boolean duplicate = !written.add(request.getCorrelationId());
            replies.onNext(WriteReply.newBuilder().setDuplicate(duplicate).build());
            replies.onCompleted();
        }
    }
}
