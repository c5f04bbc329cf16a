package dev.freeagent.vtuber.output.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;

/**
 * Forwards a STOP to another output instance's {@code OutputControl.Stop} with {@code forwarded=true}, over one
 * cached channel per address, each call with a deadline. Thread-safe; closing shuts the channels down.
 */
public final class PeerStopClient implements StopForwarder, AutoCloseable {
    private final Duration deadline;
    private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /**
     * Creates the client.
     *
     * @param deadline bound on each forwarded call
     */
    public PeerStopClient(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public StopResult forward(String address, String sessionId) {
        ManagedChannel channel = channels.computeIfAbsent(address, a -> GrpcChannels.open("http://" + a));
        StopReply reply;
        try {
            reply = OutputControlGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .stop(StopRequest.newBuilder().setSessionId(sessionId).setForwarded(true).build());
        } catch (StatusRuntimeException e) {
            throw new StopForwardingException("The output instance at " + address + " that holds session " + sessionId
                    + " did not carry out the STOP (" + e.getStatus().getCode() + ").", e);
        }
        return switch (reply.getOutcome()) {
        case STOPPED -> new StopResult(StopResult.Outcome.STOPPED, reply.getDetail());
        case BARGE_IN_DISABLED -> new StopResult(StopResult.Outcome.DISABLED, reply.getDetail());
        default -> new StopResult(StopResult.Outcome.NOTHING_PLAYING, reply.getDetail());
        };
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
