package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.asr.HeardListener;
import dev.freeagent.vtuber.dialog.asr.SpokenTurnRequest;
import dev.freeagent.vtuber.dialog.asr.SpokenTurns;
import dev.freeagent.vtuber.dialog.asr.Transcript;
import dev.freeagent.vtuber.dialog.audio.AudioException;
import dev.freeagent.vtuber.dialog.speech.ReplySpeaker;
import dev.freeagent.vtuber.dialog.speech.Voice;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.RecognitionStats;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnResult;

import io.helidon.http.HeaderNames;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /chat/audio} (JSON) and {@code POST /chat/audio/stream} (SSE), contract §5.4: a base64 recording in,
 * the transcript and the reply out, through {@link SpokenTurns}. Refusals follow the contract's table in its order,
 * as {@code {"detail": ...}} ({@link HttpFailure}); on the stream they come before any event, and a reply that fails
 * once the stream started ends it with {@code error {"message":"chat_failed"}}. The reply is spoken to an output
 * socket of the session only when one is already open.
 */
public final class AudioRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(AudioRoutes.class.getName());
    private static final String CHAT_FAILED = "chat_failed";

    private final SpokenTurns spoken;
    private final Voice voice;
    private final long maxAudioBytes;

    /**
     * Creates the routes.
     *
     * @param spoken runs spoken turns
     * @param voice speaks the reply when an output socket of the request's session is open
     * @param maxAudioBytes {@code dialog.asr.max-bytes}: bodies longer than such a recording in base64 are refused
     *                      before they are read further
     */
    public AudioRoutes(SpokenTurns spoken, Voice voice, long maxAudioBytes) {
        this.spoken = spoken;
        this.voice = voice;
        this.maxAudioBytes = maxAudioBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/chat/audio", this::reply)
                .post("/chat/audio/stream", this::stream);
    }

    private void reply(ServerRequest request, ServerResponse response) {
        run(request, response, new JsonReply(response));
    }

    private void stream(ServerRequest request, ServerResponse response) {
        try (SseReply sse = new SseReply(response)) {
            run(request, response, sse);
        }
    }

    private void run(ServerRequest request, ServerResponse response, AudioReply reply) {
        SpokenTurnRequest turn;
        try {
            turn = parse(request);
        } catch (DialogException e) {
            HttpFailure.of(e, CHAT_FAILED).send(response);
            return;
        }
        reply.session(turn.taskId());
        HelidonMdc.set("task_id", turn.taskId());
        Cancellation cancellation = new Cancellation();
        ReplySpeaker speaker = voice.speak(turn.taskId(), turn.taskId(), turn.replyLang(), reply, cancellation, false,
                TaskThreads.of(turn.taskId()));
        try {
            spoken.run(turn, reply, speaker, cancellation);
        } catch (TurnCancelledException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "spoken turn cancelled: the client went away");
        } catch (DialogException e) {
            speaker.abandon();
            reply.fail(HttpFailure.of(e, CHAT_FAILED));
        } catch (UncheckedIOException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "the client went away", e);
        } finally {
            HelidonMdc.remove("task_id");
        }
    }

    private SpokenTurnRequest parse(ServerRequest request) {
        spoken.requireEnabled();
        JsonRequest json = JsonRequest.parse(JsonRequest.read(request, maxAudioBytes,
                () -> new AudioException(AudioException.Kind.PAYLOAD_TOO_LARGE, "The recording is too large.", null)));
        byte[] audio = json.base64("audio", "audio required", "invalid audio encoding");
        return new SpokenTurnRequest(json.sessionId(), json.conversationId(), json.userId(), json.turn(), json.meta(),
                audio, json.text("lang"));
    }

    /**
     * How one route answers a spoken turn. Used by the turn's thread only.
     */
    private abstract static class AudioReply implements HeardListener, TurnListener {
        final ServerResponse response;
        String sessionId = "";
        Transcript transcript;
        RecognitionStats recognition;

        AudioReply(ServerResponse response) {
            this.response = response;
        }

        void session(String id) {
            this.sessionId = id;
        }

        @Override
        public void onHeard(Transcript heard, RecognitionStats stats) {
            this.transcript = heard;
            this.recognition = stats;
        }

        /**
         * The turn failed.
         *
         * @param failure the answer the failure calls for
         */
        abstract void fail(HttpFailure failure);
    }

    /**
     * {@code /chat/audio}: one JSON answer once the reply is complete.
     */
    private static final class JsonReply extends AudioReply {
        JsonReply(ServerResponse response) {
            super(response);
        }

        @Override
        public void onDelta(String delta) {
            // the answer carries the whole reply
        }

        @Override
        public void onDone(TurnResult result) {
            response.header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send(Json.write(AudioJson.reply(sessionId, transcript, recognition, result, true)));
        }

        @Override
        void fail(HttpFailure failure) {
            failure.send(response);
        }
    }

    /**
     * {@code /chat/audio/stream}: the stream opens once the recording is understood, so every refusal before that
     * is a plain HTTP answer.
     */
    private static final class SseReply extends AudioReply implements AutoCloseable {
        private OutputStream out;
        private SseEventWriter events;

        SseReply(ServerResponse response) {
            super(response);
        }

        @Override
        public void onHeard(Transcript heard, RecognitionStats stats) {
            super.onHeard(heard, stats);
            response.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.header(HeaderNames.CACHE_CONTROL, "no-cache");
            out = response.outputStream();
            events = new SseEventWriter(out);
            for (Transcript.Partial partial : heard.partials()) {
                events.send(partial.isFinal() ? "asr-final" : "asr-partial", AudioJson.partial(partial));
            }
        }

        @Override
        public void onDelta(String delta) {
            events.send("text-delta", Json.object().put("content", delta).put("eos", false));
        }

        @Override
        public void onDone(TurnResult result) {
            events.send("done", AudioJson.reply(sessionId, transcript, recognition, result, false));
        }

        @Override
        void fail(HttpFailure failure) {
            if (events == null) {
                failure.send(response);
                return;
            }
            try {
                events.send("error", Json.object().put("message", CHAT_FAILED));
            } catch (UncheckedIOException e) {
                LOG.log(Level.DEBUG, "SSE client went away before the error event", e);
            }
        }

        @Override
        public void close() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "SSE client went away", e);
            }
        }
    }
}
