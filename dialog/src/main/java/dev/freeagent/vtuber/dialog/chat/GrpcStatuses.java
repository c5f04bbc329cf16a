package dev.freeagent.vtuber.dialog.chat;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.UnsupportedInputException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one place where dialog failures become gRPC statuses; the description is our sentence.
 */
final class GrpcStatuses {
    private GrpcStatuses() {
    }

    static StatusRuntimeException of(DialogException failure) {
        Status status = switch (failure) {
            case InvalidTurnException e -> Status.INVALID_ARGUMENT;
            case UnsupportedInputException e -> Status.UNIMPLEMENTED;
            case ModelUnavailableException e -> Status.UNAVAILABLE;
            case ModelTimeoutException e -> Status.DEADLINE_EXCEEDED;
            case TurnCancelledException e -> Status.CANCELLED;
            default -> Status.INTERNAL;
        };
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }
}
