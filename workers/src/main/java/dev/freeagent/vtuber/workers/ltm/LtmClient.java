package dev.freeagent.vtuber.workers.ltm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;
import dev.freeagent.vtuber.workers.stream.PoisonEntryException;
import dev.freeagent.vtuber.workers.stream.RetryLaterException;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The ltm service's {@code vtuber.ltm.v1.LongTermMemory/Write}, with a deadline per call. Failures are sorted into
 * "never" (the service calls the request invalid) and "not now" (anything else, such as UNAVAILABLE or
 * DEADLINE_EXCEEDED). Thread-safe. The creator closes it (it owns its channel).
 */
public final class LtmClient implements AutoCloseable {
    private static final Duration CHANNEL_SHUTDOWN = Duration.ofSeconds(2);

    private final ManagedChannel channel;
    private final LongTermMemoryGrpc.LongTermMemoryBlockingStub stub;
    private final Duration deadline;

    private LtmClient(ManagedChannel channel, Duration deadline) {
        this.channel = channel;
        this.stub = LongTermMemoryGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    /**
     * Opens a channel to the ltm service; nothing is sent until the first write.
     *
     * @param url the service's base URL, e.g. {@code http://ltm:8003}
     * @param deadline the longest a write may take
     * @return the client
     */
    public static LtmClient open(String url, Duration deadline) {
        return new LtmClient(GrpcChannels.open(url), deadline);
    }

    /**
     * Writes one turn.
     *
     * @param write the turn
     * @return true when the service had already written this correlation id
     * @throws PoisonEntryException when the service refuses the request as invalid
     * @throws RetryLaterException when the write did not happen now
     */
    public boolean write(MemoryWrite write) {
        try {
            WriteReply reply = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).write(request(write));
            return reply.getDuplicate();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            return switch (code) {
                case ALREADY_EXISTS -> true;
                case INVALID_ARGUMENT, OUT_OF_RANGE -> throw new PoisonEntryException("the ltm service refused the write of "
                        + write.correlationId() + " as invalid (" + code + ")");
                default -> throw new RetryLaterException("the ltm service did not take the write of "
                        + write.correlationId() + " (" + code + ")", e);
            };
        }
    }

    private static WriteRequest request(MemoryWrite write) {
        return WriteRequest.newBuilder()
                .setUserId(write.userId())
                .setCorrelationId(write.correlationId())
                .setSessionId(write.sessionId())
                .setUserText(write.userText())
                .setReply(write.reply())
                .setLang(write.lang())
                .build();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(CHANNEL_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
