package dev.freeagent.vtuber.output.control;

import dev.freeagent.vtuber.proto.output.v1.OutputControlGrpc;
import dev.freeagent.vtuber.proto.output.v1.StopOutcome;
import dev.freeagent.vtuber.proto.output.v1.StopReply;
import dev.freeagent.vtuber.proto.output.v1.StopRequest;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * gRPC {@code vtuber.output.v1.OutputControl}: translates Stop calls to {@link BargeIn}.
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
        StopReply reply = switch (bargeIn.stop(sessionId)) {
        case STOPPED -> reply(StopOutcome.STOPPED, "Stopped the speech of session " + sessionId + ".");
        case NOTHING_PLAYING -> reply(StopOutcome.NOTHING_PLAYING, "Nothing is playing for session " + sessionId + ".");
        case DISABLED -> reply(StopOutcome.BARGE_IN_DISABLED, "SYNC_TTS_BARGE_IN disabled");
        };
        response.onNext(reply);
        response.onCompleted();
    }

    private static StopReply reply(StopOutcome outcome, String detail) {
        return StopReply.newBuilder().setOutcome(outcome).setDetail(detail).build();
    }
}
