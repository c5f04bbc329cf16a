package dev.freeagent.vtuber.dialog.ltm;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.dialog.turn.LongTermRecall;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.Memory;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;

/**
 * {@link LongTermRecall} over {@code vtuber.ltm.v1.LongTermMemory/Retrieve} with a short deadline: a slow, absent
 * or failing ltm yields no memories and never delays the reply beyond the deadline. Anonymous users have no
 * long-term memory.
 */
public final class LtmRecallClient implements LongTermRecall, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LtmRecallClient.class.getName());

    private final RecallSettings settings;
    private final ManagedChannel channel;
    private final LongTermMemoryGrpc.LongTermMemoryBlockingStub stub;

    /**
     * Opens the channel to ltm.
     *
     * @param settings where and how long
     */
    public LtmRecallClient(RecallSettings settings) {
        this.settings = settings;
        this.channel = GrpcChannels.open(settings.url());
        this.stub = LongTermMemoryGrpc.newBlockingStub(channel);
    }

    @Override
    public List<String> recall(TurnRequest request) {
        if (TurnRequest.ANONYMOUS.equals(request.userId())) {
            return List.of();
        }
        try {
            return stub.withDeadlineAfter(settings.deadline().toNanos(), TimeUnit.NANOSECONDS)
                    .retrieve(RetrieveRequest.newBuilder()
                            .setUserId(request.userId())
                            .setQuery(request.text())
                            .setLimit(settings.maxSnippets())
                            .setLang(request.lang().orElse(""))
                            .build())
                    .getMemoriesList().stream()
                    .map(Memory::getContent)
                    .map(String::trim)
                    .filter(text -> !text.isEmpty())
                    .limit(settings.maxSnippets())
                    .toList();
        } catch (StatusRuntimeException e) {
            LOG.log(Level.DEBUG, "answering without long-term memories: " + e.getStatus());
            return List.of();
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
