package dev.freeagent.vtuber.gateway.control;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.gateway.control.StopResult.Outcome;
import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * Sends STOP to output's {@code OutputControl.Stop} over a shared channel, with a deadline, and reads the reply
 * as a {@link StopResult}.
 *
 * <p>Thread-safe. Does not own the channel.
 */
public final class OutputStopClient {
    private final OutputControlGrpc.OutputControlBlockingStub stub;
    private final long deadlineMillis;

    /**
     * Creates the client.
     *
     * @param channel a channel to output
     * @param deadline bound on each call
     */
    public OutputStopClient(Channel channel, Duration deadline) {
        this.stub = OutputControlGrpc.newBlockingStub(channel);
        this.deadlineMillis = deadline.toMillis();
    }

    /**
     * Stops one session's speech.
     *
     * @param sessionId the session (the task id of its output socket)
     * @return the result
     */
    public StopResult stop(String sessionId) {
        StopReply reply;
        try {
            reply = stub.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .stop(StopRequest.newBuilder().setSessionId(sessionId).build());
        } catch (StatusRuntimeException e) {
            return failure(e);
        }
        return switch (reply.getOutcome()) {
            case STOPPED -> new StopResult(Outcome.STOPPED, "");
            case NOTHING_PLAYING -> new StopResult(Outcome.NOTHING_PLAYING, reply.getDetail());
            case BARGE_IN_DISABLED -> new StopResult(Outcome.BARGE_IN_DISABLED, reply.getDetail());
            default -> new StopResult(Outcome.FAILED, "unexpected reply from output service: " + reply.getOutcome());
        };
    }

    private static StopResult failure(StatusRuntimeException e) {
        String description = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        return switch (e.getStatus().getCode()) {
            case INVALID_ARGUMENT -> new StopResult(Outcome.INVALID_REQUEST, description);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new StopResult(Outcome.UNAVAILABLE, "output service unavailable");
            default -> new StopResult(Outcome.FAILED, "output service failed: " + e.getStatus().getCode());
        };
    }
}
