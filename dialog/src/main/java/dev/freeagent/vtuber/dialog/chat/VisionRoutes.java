package dev.freeagent.vtuber.dialog.chat;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.speech.ReplySpeaker;
import dev.freeagent.vtuber.dialog.speech.Voice;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.ImageException;
import dev.freeagent.vtuber.dialog.turn.Picture;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;
import dev.freeagent.vtuber.dialog.turn.TurnListener;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.dialog.turn.TurnResult;
import dev.freeagent.vtuber.dialog.turn.TurnRunner;
import dev.freeagent.vtuber.dialog.turn.TurnStats;
import dev.freeagent.vtuber.dialog.turn.VisionSettings;

import io.helidon.http.HeaderNames;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /chat/vision} (contract §5.10): a base64 image and an optional prompt in, one JSON answer out
 * ({@code sessionId}, the prompt used, the reply, chat stats). The prompt is the first non-blank of {@code prompt},
 * {@code text} and {@code transcript}. Refusals follow the contract's order, as {@code {"detail": ...}}; a reply
 * that fails is {@code 502 vision_failed}. The reply is spoken to an output socket of the session only when one is
 * already open.
 */
public final class VisionRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(VisionRoutes.class.getName());
    private static final String VISION_FAILED = "vision_failed";

    private final TurnRunner runner;
    private final Voice voice;
    private final VisionSettings settings;

    /**
     * Creates the route.
     *
     * @param runner runs the turns
     * @param voice speaks the reply when an output socket of the request's session is open
     * @param settings the image size limit
     */
    public VisionRoutes(TurnRunner runner, Voice voice, VisionSettings settings) {
        this.runner = runner;
        this.voice = voice;
        this.settings = settings;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/chat/vision", this::describe);
    }

    private void describe(ServerRequest request, ServerResponse response) {
        TurnRequest turn;
        try {
            turn = parse(request);
        } catch (DialogException e) {
            HttpFailure.of(e, VISION_FAILED).send(response);
            return;
        }
        HelidonMdc.set("task_id", turn.taskId());
        Cancellation cancellation = new Cancellation();
        ReplySpeaker speaker = voice.speak(turn.taskId(), turn.taskId(), turn.lang().orElse(""),
                new JsonReply(response, turn), cancellation, false, TaskThreads.of(turn.taskId()));
        try {
            runner.run(turn, speaker, cancellation);
        } catch (TurnCancelledException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "image turn cancelled: the client went away");
        } catch (DialogException e) {
            speaker.abandon();
            HttpFailure.of(e, VISION_FAILED).send(response);
        } catch (UncheckedIOException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "the client went away", e);
        } finally {
            HelidonMdc.remove("task_id");
        }
    }

    private TurnRequest parse(ServerRequest request) {
        JsonRequest json = JsonRequest.parse(JsonRequest.read(request, settings.maxBytes(),
                () -> new ImageException(ImageException.Kind.PAYLOAD_TOO_LARGE, "The image is too large.")));
        String prompt = Stream.of("prompt", "text", "transcript").map(json::text).filter(text -> !text.isBlank())
                .findFirst().orElse("");
        byte[] image = json.base64("image", "image required", "invalid image encoding");
        Picture picture = Picture.of(image, json.text("mimeType"), prompt, settings);
        return TurnRequest.showing(json.sessionId(), json.conversationId(), json.userId(), json.turn(), json.meta(),
                picture);
    }

    /**
     * The JSON answer, sent once the reply is complete. Used by the turn's thread only.
     *
     * @param response the response
     * @param turn the turn it answers
     */
    private record JsonReply(ServerResponse response, TurnRequest turn) implements TurnListener {
        @Override
        public void onDelta(String delta) {
            // the answer carries the whole reply
        }

        @Override
        public void onDone(TurnResult result) {
            TurnStats stats = result.stats();
            ObjectNode json = Json.object();
            json.put("sessionId", turn.taskId());
            json.put("prompt", turn.picture().orElseThrow().promptUsed());
            json.put("reply", result.reply());
            ObjectNode chat = json.putObject("stats").putObject("chat");
            // the contract names the scripted stand-in "mock"
            chat.put("source", stats.source().equals("scripted") ? "mock" : stats.source());
            chat.put("tokens", stats.tokens());
            if (stats.ttftMs().isPresent()) {
                chat.put("ttft_ms", stats.ttftMs().getAsDouble());
            } else {
                chat.putNull("ttft_ms");
            }
            response.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(json));
        }
    }
}
