package dev.freeagent.vtuber.ltm.api;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.memory.Memory;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;
import dev.freeagent.vtuber.ltm.memory.WriteCommand;
import dev.freeagent.vtuber.ltm.memory.WriteOutcome;
import dev.freeagent.vtuber.proto.ltm.v1.ForgetReply;
import dev.freeagent.vtuber.proto.ltm.v1.ForgetRequest;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveReply;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;

import io.grpc.stub.StreamObserver;

/**
 * {@code vtuber.ltm.v1.LongTermMemory}: maps each request to one {@link MemoryBank} call and the result back.
 * Handlers run on virtual threads, so they block. Failures end the call with the status of {@link GrpcStatuses}.
 */
public final class MemoryGrpcService extends LongTermMemoryGrpc.LongTermMemoryImplBase {
    private static final System.Logger LOG = System.getLogger(MemoryGrpcService.class.getName());

    private final MemoryBank bank;

    /**
     * Creates the service.
     *
     * @param bank the memory
     */
    public MemoryGrpcService(MemoryBank bank) {
        this.bank = bank;
    }

    @Override
    public void retrieve(RetrieveRequest request, StreamObserver<RetrieveReply> observer) {
        answer(observer, () -> {
            RetrieveReply.Builder reply = RetrieveReply.newBuilder();
            for (ScoredMemory found : bank.retrieve(request.getUserId(), request.getQuery(), request.getLimit())) {
                reply.addMemories(memory(found.memory(), found.score()));
            }
            return reply.build();
        });
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteReply> observer) {
        answer(observer, () -> {
            WriteOutcome outcome = bank.write(new WriteCommand(request.getUserId(), request.getCorrelationId(),
                    request.getSessionId(), request.getUserText(), request.getReply(), request.getLang(),
                    request.getFactsList(), request.getFactsCount() > 0 ? "facts" : "conversation"));
            WriteReply.Builder reply = WriteReply.newBuilder().setDuplicate(outcome.duplicate());
            outcome.stored().forEach(memory -> reply.addStored(memory(memory, 0)));
            return reply.build();
        });
    }

    @Override
    public void forget(ForgetRequest request, StreamObserver<ForgetReply> observer) {
        answer(observer, () -> ForgetReply.newBuilder().setDeleted(bank.forget(request.getUserId())).build());
    }

    private static dev.freeagent.vtuber.proto.ltm.v1.Memory memory(Memory memory, double score) {
        return dev.freeagent.vtuber.proto.ltm.v1.Memory.newBuilder()
                .setId(memory.id())
                .setContent(memory.content())
                .setScore(score)
                .setCreatedAtMs(memory.createdAt().toEpochMilli())
                .build();
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
        T reply;
        try {
            reply = call.get();
        } catch (LtmException e) {
            observer.onError(GrpcStatuses.of(e));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "memory call failed unexpectedly", e);
            observer.onError(GrpcStatuses.unexpected());
            return;
        }
        observer.onNext(reply);
        observer.onCompleted();
    }
}
