package dev.freeagent.vtuber.output.control;

import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * gRPC {@code vtuber.output.v1.OutputControl}: translates Stop calls to {@link BargeIn}. A STOP that the holding
 * instance did not carry out answers UNAVAILABLE.
 */
public final class OutputControlService extends OutputControlGrpc.OutputControlImplBase {
    private final BargeIn bargeIn;

    /**
     * Creates the service.
     *
     * @param bargeIn the barge-in policy
     */
    public OutputControlService(BargeIn bargeIn) {
        this.bargeIn = bargeIn;
    }

    @Override
    public void stop(StopRequest request, StreamObserver<StopReply> response) {
        String sessionId = request.getSessionId().trim();
        if (sessionId.isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("sessionId required").asRuntimeException());
            return;
        }
        StopResult result;
        try {
            result = bargeIn.stop(sessionId, request.getForwarded());
        } catch (StopForwardingException e) {
            response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        StopOutcome outcome = switch (result.outcome()) {
        case STOPPED -> StopOutcome.STOPPED;
        case NOTHING_PLAYING -> StopOutcome.NOTHING_PLAYING;
        case DISABLED -> StopOutcome.BARGE_IN_DISABLED;
        };
        response.onNext(StopReply.newBuilder().setOutcome(outcome).setDetail(result.detail()).build());
        response.onCompleted();
    }
}
