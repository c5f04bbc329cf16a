package dev.freeagent.vtuber.dialog.chat;

import java.util.ArrayList;
import java.util.List;

import dev.freeagent.vtuber.dialog.asr.HeardListener;
import dev.freeagent.vtuber.dialog.asr.Transcript;
import dev.freeagent.vtuber.dialog.turn.RecognitionStats;
import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnResult;
import dev.freeagent.vtuber.dialog.turn.TurnStats;
import dev.freeagent.vtuber.proto.dialog.v1.AsrPartial;
import dev.freeagent.vtuber.proto.dialog.v1.AsrStats;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatStats;
import dev.freeagent.vtuber.proto.dialog.v1.TextDelta;

import io.grpc.stub.ServerCallStreamObserver;

/**
 * Streams one turn to a gRPC call: an {@link AsrPartial} per partial of a spoken turn, a {@link TextDelta} per
 * delta, then one {@link ChatDone} (with the partials and ASR stats of a spoken turn, the prompt used for an image)
 * and completes the call. Used by the turn's thread only.
 */
final class GrpcTurnListener implements TurnListener, HeardListener {
    private final ServerCallStreamObserver<ChatEvent> call;
    private final String prompt;
    private final List<String> partials = new ArrayList<>();
    private AsrStats asr;

    /**
     * Creates the listener.
     *
     * @param call the call
     * @param prompt the prompt used for an image, or empty
     */
    GrpcTurnListener(ServerCallStreamObserver<ChatEvent> call, String prompt) {
        this.call = call;
        this.prompt = prompt;
    }

    @Override
    public void onHeard(Transcript transcript, RecognitionStats stats) {
        for (Transcript.Partial partial : transcript.partials()) {
            AsrPartial.Builder event = AsrPartial.newBuilder().setText(partial.text()).setFinal(partial.isFinal());
            partial.confidence().ifPresent(event::setConfidence);
            send(ChatEvent.newBuilder().setAsrPartial(event).build());
            partials.add(partial.text());
        }
        AsrStats.Builder wire = AsrStats.newBuilder()
                .setProvider(stats.provider())
                .setLatencyMs(stats.latencyMs())
                .setDecodeMs(stats.decodeMs());
        stats.durationSeconds().ifPresent(wire::setDurationSeconds);
        asr = wire.build();
    }

    @Override
    public void onDelta(String delta) {
        send(ChatEvent.newBuilder().setTextDelta(TextDelta.newBuilder().setContent(delta)).build());
    }

    @Override
    public void onDone(TurnResult result) {
        TurnStats stats = result.stats();
        ChatStats.Builder wireStats = ChatStats.newBuilder()
                .setTokens(stats.tokens())
                .setLatencyMs(stats.latencyMs())
                .setSource(stats.source());
        stats.ttftMs().ifPresent(wireStats::setTtftMs);
        ChatDone.Builder done = ChatDone.newBuilder()
                .setReply(result.reply())
                .setTranscript(result.transcript())
                .setStats(wireStats)
                .addAllPartials(partials)
                .setPrompt(prompt)
                .setStopped(result.stopped())
                .setSpoken(result.spoken());
        if (asr != null) {
            done.setAsr(asr);
        }
        call.onNext(ChatEvent.newBuilder().setDone(done).build());
        call.onCompleted();
    }

    private void send(ChatEvent event) {
        if (call.isCancelled()) {
            throw new IllegalStateException("the gRPC call was cancelled");
        }
        call.onNext(event);
    }
}
