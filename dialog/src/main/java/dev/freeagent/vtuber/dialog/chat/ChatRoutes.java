package dev.freeagent.vtuber.dialog.chat;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
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

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /chat/stream} (contract §5.3): a JSON turn in, SSE out ({@code text-delta} events, then one
 * {@code done}; on a model failure one {@code error} event with our sentence instead of {@code done}). A client
 * that goes away cancels the turn at the next event.
 */
public final class ChatRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(ChatRoutes.class.getName());

    private final TurnRunner runner;
    private final Voice voice;

    /**
     * Creates the routes.
     *
     * @param runner runs the turns
     * @param voice speaks the reply when an output socket of the request's session is open
     */
    public ChatRoutes(TurnRunner runner, Voice voice) {
        this.runner = runner;
        this.voice = voice;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/chat/stream", this::stream);
    }

    private void stream(ServerRequest request, ServerResponse response) {
        TurnRequest turn;
        try {
            turn = parse(request.content().as(byte[].class));
        } catch (InvalidTurnException e) {
            ObjectNode detail = Json.object().put("detail", e.getMessage());
            response.status(Status.BAD_REQUEST_400)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send(Json.write(detail));
            return;
        }
        HelidonMdc.set("task_id", turn.taskId());
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = response.outputStream()) {
            SseEventWriter events = new SseEventWriter(out);
            run(turn, events);
        } catch (UncheckedIOException | java.io.IOException e) {
            LOG.log(Level.DEBUG, "SSE client went away", e);
        } finally {
            HelidonMdc.remove("task_id");
        }
    }

    private void run(TurnRequest turn, SseEventWriter events) {
        Cancellation cancellation = new Cancellation();
        // external callers are spoken to only when an output socket of their session is already open
        ReplySpeaker speaker = voice.speak(turn.taskId(), turn.taskId(), turn.lang().orElse(""),
                new SseListener(events), cancellation, false, TaskThreads.of(turn.taskId()));
        try {
            runner.run(turn, speaker, cancellation);
        } catch (TurnCancelledException e) {
            speaker.abandon();
            LOG.log(Level.DEBUG, "turn cancelled: the SSE client went away");
        } catch (DialogException e) {
            speaker.abandon();
            events.send("error", Json.object().put("message", e.getMessage()));
        }
    }

    static TurnRequest parse(byte[] body) {
        JsonRequest json = JsonRequest.parse(body);
        if (!json.json().path("content").isTextual()) {
            throw new InvalidTurnException("content required");
        }
        return new TurnRequest(json.sessionId(), json.conversationId(), json.userId(), json.turn(),
                json.text("content"), json.meta());
    }

    private record SseListener(SseEventWriter events) implements TurnListener {
        @Override
        public void onDelta(String delta) {
            events.send("text-delta", Json.object().put("content", delta).put("eos", false));
        }

        @Override
        public void onDone(TurnResult result) {
            ObjectNode stats = Json.object();
            stats.put("ttft_ms", result.stats().ttftMs().orElse(0.0));
            stats.put("tokens", result.stats().tokens());
            ObjectNode done = Json.object();
            done.set("stats", stats);
            events.send("done", done);
        }
    }
}
