package dev.freeagent.vtuber.dialog.chat;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.asr.SpokenTurnRequest;
import dev.freeagent.vtuber.dialog.asr.SpokenTurns;
import dev.freeagent.vtuber.dialog.speech.ReplySpeaker;
import dev.freeagent.vtuber.dialog.speech.Voice;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;
import dev.freeagent.vtuber.dialog.turn.Picture;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.dialog.turn.TurnRunner;
import dev.freeagent.vtuber.dialog.turn.VisionSettings;
import dev.freeagent.vtuber.proto.dialog.v1.AudioInput;
import dev.freeagent.vtuber.proto.dialog.v1.ChatEvent;
import dev.freeagent.vtuber.proto.dialog.v1.ChatRequest;
import dev.freeagent.vtuber.proto.dialog.v1.DialogServiceGrpc;
import dev.freeagent.vtuber.proto.dialog.v1.ImageInput;

import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.helidon.logging.common.HelidonMdc;

/**
 * {@code vtuber.dialog.v1.DialogService}: maps a {@link ChatRequest} to a typed, spoken or shown turn, runs it on
 * its own virtual thread (so the HTTP/2 connection never waits for a turn, and the client's cancellation reaches the
 * turn at once), speaks the reply to the task's output socket, and streams the events of {@link GrpcTurnListener}
 * (ASR partials of a spoken turn, text deltas, one done), then completes. Failures end the call with the status of
 * {@link GrpcStatuses}.
 */
public final class DialogGrpcService extends DialogServiceGrpc.DialogServiceImplBase {
    private static final System.Logger LOG = System.getLogger(DialogGrpcService.class.getName());

    private final TurnRunner runner;
    private final SpokenTurns spoken;
    private final VisionSettings vision;
    private final Voice voice;

    /**
     * Creates the service.
     *
     * @param runner runs typed and shown turns
     * @param spoken runs spoken turns
     * @param vision the image size limit
     * @param voice speaks each reply to the output socket of its task
     */
    public DialogGrpcService(TurnRunner runner, SpokenTurns spoken, VisionSettings vision, Voice voice) {
        this.runner = runner;
        this.spoken = spoken;
        this.vision = vision;
        this.voice = voice;
    }

    @Override
    public void chat(ChatRequest request, StreamObserver<ChatEvent> observer) {
        ServerCallStreamObserver<ChatEvent> call = (ServerCallStreamObserver<ChatEvent>) observer;
        Cancellation cancellation = new Cancellation();
        call.setOnCancelHandler(cancellation::cancel);
        Turn turn;
        try {
            turn = toTurn(request);
        } catch (DialogException e) {
            observer.onError(GrpcStatuses.of(e));
            return;
        }
        Thread.ofVirtual().name("dialog-turn").start(() -> run(turn, call, cancellation));
    }

    private void run(Turn turn, ServerCallStreamObserver<ChatEvent> call, Cancellation cancellation) {
        HelidonMdc.set("task_id", turn.taskId());
        GrpcTurnListener listener = new GrpcTurnListener(call, turn.prompt());
        // the client's output socket is named by the task id: the reply is spoken there
        ReplySpeaker speaker = voice.speak(turn.taskId(), turn.taskId(), turn.lang(), listener, cancellation, true,
                TaskThreads.of(turn.taskId()));
        try {
            switch (turn) {
                case Written written -> runner.run(written.request(), speaker, cancellation);
                case Heard heard -> spoken.run(heard.request(), listener, speaker, cancellation);
            }
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

    private Turn toTurn(ChatRequest request) {
        Map<String, String> meta = meta(request);
        return switch (request.getInputCase()) {
            case TEXT -> new Written(new TurnRequest(request.getTaskId(), request.getConversationId(),
                    request.getUserId(), request.getTurn(), request.getText(), meta));
            case AUDIO -> new Heard(spokenTurn(request, meta));
            case IMAGE -> new Written(TurnRequest.showing(request.getTaskId(), request.getConversationId(),
                    request.getUserId(), request.getTurn(), meta, picture(request.getImage())));
            case INPUT_NOT_SET -> throw new InvalidTurnException("content required");
        };
    }

    private static SpokenTurnRequest spokenTurn(ChatRequest request, Map<String, String> meta) {
        AudioInput audio = request.getAudio();
        return new SpokenTurnRequest(request.getTaskId(), request.getConversationId(), request.getUserId(),
                request.getTurn(), meta, audio.getData().toByteArray(), audio.getLang());
    }

    private Picture picture(ImageInput image) {
        return Picture.of(image.getData().toByteArray(), image.getMimeType(), image.getPrompt(), vision);
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

    /**
     * A request ready to run.
     */
    private sealed interface Turn {
        String taskId();

        String lang();

        /**
         * The prompt used for an image, reported in {@code ChatDone.prompt}.
         *
         * @return the prompt, or empty for other turns
         */
        String prompt();
    }

    /**
     * A typed or shown turn.
     *
     * @param request the turn
     */
    private record Written(TurnRequest request) implements Turn {
        @Override
        public String taskId() {
            return request.taskId();
        }

        @Override
        public String lang() {
            return request.lang().orElse("");
        }

        @Override
        public String prompt() {
            return request.picture().map(Picture::promptUsed).orElse("");
        }
    }

    /**
     * A spoken turn.
     *
     * @param request the turn
     */
    private record Heard(SpokenTurnRequest request) implements Turn {
        @Override
        public String taskId() {
            return request.taskId();
        }

        @Override
        public String lang() {
            return request.replyLang();
        }

        @Override
        public String prompt() {
            return "";
        }
    }
}
