package dev.freeagent.vtuber.dialog.chat;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.speech.ReplySpeaker;
import dev.freeagent.vtuber.dialog.speech.Voice;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.dialog.turn.TurnResult;
import dev.freeagent.vtuber.dialog.turn.TurnRunner;
import dev.freeagent.vtuber.dialog.turn.TurnStats;
import dev.freeagent.vtuber.dialog.turn.UnsupportedInputException;
import dev.freeagent.vtuber.proto.dialog.v1.ChatDone;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.ChatStats;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import dev.freeagent.vtuber.proto.dialog.v1.TextDelta;

import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.helidon.logging.common.HelidonMdc;

/**
 * {@code vtuber.dialog.v1.DialogService}: maps a {@link ChatRequest} to a {@link TurnRequest}, runs it on its own
 * virtual thread (so the HTTP/2 connection never waits for a turn, and the client's cancellation reaches the turn
 * at once), speaks the reply to the task's output socket, and streams {@link TextDelta}s, one {@link ChatDone},
 * then completes. Failures end the call with the
 * status of {@link GrpcStatuses}.
 */
public final class DialogGrpcService extends DialogServiceGrpc.DialogServiceImplBase {
    private static final System.Logger LOG = System.getLogger(DialogGrpcService.class.getName());

    private final TurnRunner runner;
    private final Voice voice;

    /**
     * Creates the service.
     *
     * @param runner runs the turns
     * @param voice speaks each reply to the output socket of its task
     */
    public DialogGrpcService(TurnRunner runner, Voice voice) {
        this.runner = runner;
        this.voice = voice;
    }

    @Override
    public void chat(ChatRequest request, StreamObserver<ChatEvent> observer) {
        ServerCallStreamObserver<ChatEvent> call = (ServerCallStreamObserver<ChatEvent>) observer;
        Cancellation cancellation = new Cancellation();
        call.setOnCancelHandler(cancellation::cancel);
        TurnRequest turn;
        try {
            turn = toTurn(request);
        } catch (DialogException e) {
            observer.onError(GrpcStatuses.of(e));
            return;
        }
        Thread.ofVirtual().name("dialog-turn").start(() -> run(turn, call, cancellation));
    }

    private void run(TurnRequest turn, ServerCallStreamObserver<ChatEvent> call, Cancellation cancellation) {
        HelidonMdc.set("task_id", turn.taskId());
        // the client's output socket is named by the task id: the reply is spoken there
        ReplySpeaker speaker = voice.speak(turn.taskId(), turn.taskId(), turn.lang().orElse(""),
                new GrpcListener(call), cancellation, true, TaskThreads.of(turn.taskId()));
        try {
            runner.run(turn, speaker, cancellation);
        } catch (TurnCancelledException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "turn cancelled by the client");
        } catch (DialogException e) {
            speaker.abandon();
            call.onError(GrpcStatuses.of(e));
        } catch (RuntimeException e) {
            speaker.abandon();
            LOG.log(Level.ERROR, "turn failed unexpectedly", e);
            call.onError(Status.INTERNAL.withDescription("The dialog engine failed unexpectedly.").asRuntimeException());
        } finally {
            HelidonMdc.remove("task_id");
        }
    }

    static TurnRequest toTurn(ChatRequest request) {
        String text = switch (request.getInputCase()) {
            case TEXT -> request.getText();
            case AUDIO -> throw new UnsupportedInputException("Voice input is not available in this build yet.");
            case IMAGE -> throw new UnsupportedInputException("Image input is not available in this build yet.");
            case INPUT_NOT_SET -> throw new InvalidTurnException("content required");
        };
        return new TurnRequest(request.getTaskId(), request.getConversationId(), request.getUserId(),
                request.getTurn(), text, meta(request));
    }

    private static Map<String, String> meta(ChatRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Value> field : request.getMeta().getFieldsMap().entrySet()) {
            if (field.getValue().hasStringValue()) {
                values.put(field.getKey(), field.getValue().getStringValue());
            }
        }
        return values;
    }

    private record GrpcListener(ServerCallStreamObserver<ChatEvent> call) implements TurnListener {
        @Override
        public void onDelta(String delta) {
            if (call.isCancelled()) {
                throw new IllegalStateException("the gRPC call was cancelled");
            }
            call.onNext(ChatEvent.newBuilder().setTextDelta(TextDelta.newBuilder().setContent(delta)).build());
        }

        @Override
        public void onDone(TurnResult result) {
            TurnStats stats = result.stats();
            ChatStats.Builder wireStats = ChatStats.newBuilder()
                    .setTokens(stats.tokens())
                    .setLatencyMs(stats.latencyMs())
                    .setSource(stats.source());
            stats.ttftMs().ifPresent(wireStats::setTtftMs);
            call.onNext(ChatEvent.newBuilder().setDone(ChatDone.newBuilder()
                    .setReply(result.reply())
                    .setTranscript(result.transcript())
                    .setStats(wireStats)
                    .setStopped(result.stopped())
                    .setSpoken(result.spoken())).build());
            call.onCompleted();
        }
    }
}
