package dev.freeagent.vtuber.dialog.chat;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.asr.AsrException;
import dev.freeagent.vtuber.dialog.audio.AudioException;
import dev.freeagent.vtuber.dialog.turn.ImageException;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;
import dev.freeagent.vtuber.dialog.turn.ModelTimeoutException;
import dev.freeagent.vtuber.dialog.turn.ModelUnavailableException;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one place where dialog failures become gRPC statuses. The description is our sentence, except where the
 * contract has a fixed {@code detail} for the HTTP answer ({@code audio required}, {@code unsupported audio},
 * {@code audio payload too large}, {@code asr_failed}, {@code empty transcript}, {@code image required},
 * {@code image payload too large}, {@code audio input disabled}): callers relay those unchanged.
 */
final class GrpcStatuses {
    private GrpcStatuses() {
    }

    static StatusRuntimeException of(DialogException failure) {
        Status status = switch (failure) {
            case InvalidTurnException e -> Status.INVALID_ARGUMENT;
            case ModelUnavailableException e -> Status.UNAVAILABLE;
            case ModelTimeoutException e -> Status.DEADLINE_EXCEEDED;
            case TurnCancelledException e -> Status.CANCELLED;
            case AudioException e -> audio(e);
            case AsrException e -> recognition(e);
            case ImageException e -> image(e);
            default -> Status.INTERNAL;
        };
        return (status.getDescription() == null ? status.withDescription(failure.getMessage()) : status)
                .asRuntimeException();
    }

    private static Status audio(AudioException failure) {
        return switch (failure.kind()) {
            case AUDIO_REQUIRED -> Status.INVALID_ARGUMENT.withDescription("audio required");
            case UNSUPPORTED_AUDIO -> Status.INVALID_ARGUMENT.withDescription("unsupported audio");
            case PAYLOAD_TOO_LARGE, AUDIO_TOO_LONG -> Status.RESOURCE_EXHAUSTED.withDescription("audio payload too large");
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case TIMED_OUT -> Status.DEADLINE_EXCEEDED;
        };
    }

    private static Status recognition(AsrException failure) {
        return switch (failure.kind()) {
            case DISABLED -> Status.FAILED_PRECONDITION.withDescription("audio input disabled");
            case UNSUPPORTED_LANGUAGE -> Status.INVALID_ARGUMENT;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case TIMED_OUT -> Status.DEADLINE_EXCEEDED;
            case FAILED -> Status.INTERNAL.withDescription("asr_failed");
            case NOTHING_HEARD -> Status.INTERNAL.withDescription("empty transcript");
        };
    }

    private static Status image(ImageException failure) {
        return switch (failure.kind()) {
            case IMAGE_REQUIRED -> Status.INVALID_ARGUMENT.withDescription("image required");
            case PAYLOAD_TOO_LARGE -> Status.RESOURCE_EXHAUSTED.withDescription("image payload too large");
        };
    }
}
