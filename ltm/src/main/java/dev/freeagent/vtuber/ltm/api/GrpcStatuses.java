package dev.freeagent.vtuber.ltm.api;

import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.embedding.EmbeddingUnavailableException;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.StoreUnavailableException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one place where memory failures become gRPC statuses; the description is our sentence.
 */
final class GrpcStatuses {
    private GrpcStatuses() {
    }

    static StatusRuntimeException of(LtmException failure) {
        Status status = switch (failure) {
            case InvalidMemoryRequestException e -> Status.INVALID_ARGUMENT;
            case StoreUnavailableException e -> Status.UNAVAILABLE;
            case EmbeddingUnavailableException e -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }

    static StatusRuntimeException unexpected() {
        return Status.INTERNAL.withDescription("The memory service failed unexpectedly.").asRuntimeException();
    }
}
