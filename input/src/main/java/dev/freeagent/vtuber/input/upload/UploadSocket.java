package dev.freeagent.vtuber.input.upload;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.input.turn.Task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * {@code WS /ws/input}: one instance per connection. Translates frames into {@link Upload} steps and
 * answers with the exact frames of contract §3.1: {@code task_id_assigned} on open, plain-text acks and
 * errors, and {@code upload_processed} before a normal close.
 *
 * <p>Not thread-safe: Helidon calls one connection's listener from that connection's thread only.
 */
public final class UploadSocket implements WsListener {
    /** The browser identity the gateway passes on its backend handshake. */
    public static final HeaderName VISITOR = HeaderNames.create("X-Vtuber-Visitor");
    private static final System.Logger LOG = System.getLogger(UploadSocket.class.getName());

    private final String taskId = UUID.randomUUID().toString();
    private final Upload upload;
    private final TaskWriter writer;
    private final Consumer<Task> turns;
    private String visitor = "";
    private boolean finished;

    /**
     * Creates the listener of one connection.
     *
     * @param limits bounds on the upload
     * @param writer stores finished uploads
     * @param turns starts a task's turn
     */
    public UploadSocket(UploadLimits limits, TaskWriter writer, Consumer<Task> turns) {
        this.upload = new Upload(limits);
        this.writer = writer;
        this.turns = turns;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
        visitor = headers.first(VISITOR).map(String::strip).orElse("");
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        HelidonMdc.set("task_id", taskId);
        ObjectNode assigned = Json.object();
        assigned.put("type", "system");
        assigned.put("action", "task_id_assigned");
        assigned.put("task_id", taskId);
        session.send(Json.write(assigned), true);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (!finished) {
            act(session, upload.text(text, last));
        }
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        if (!finished) {
            act(session, upload.binary(buffer.readBytes(), last));
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        upload.discard();
        HelidonMdc.remove("task_id");
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.log(Level.DEBUG, "Input socket failed", t);
        upload.discard();
    }

    private void act(WsSession session, Step step) {
        switch (step) {
        case Step.Quiet quiet -> {
        }
        case Step.Reply reply -> session.send(reply.text(), true);
        case Step.Overflow overflow -> {
            finished = true;
            session.send(overflow.text(), true);
            session.close(WsCloseCodes.TOO_BIG, "upload too large");
        }
        case Step.Complete complete -> {
            finished = true;
            session.send(complete(), true);
            session.close(WsCloseCodes.NORMAL_CLOSE, "upload processed");
        }
        }
    }

    private String complete() {
        ObjectNode processed = Json.object();
        processed.put("type", "system");
        processed.put("action", "upload_processed");
        try {
            Task task = writer.write(taskId, visitor, upload.finish());
            turns.accept(task);
            processed.put("status", "queued");
            processed.put("task_id", taskId);
        } catch (UploadException e) {
            LOG.log(Level.INFO, "Upload rejected: " + e.getMessage());
            processed.put("status", "error");
            processed.put("error", e.getMessage());
        } finally {
            upload.discard();
        }
        return Json.write(processed);
    }
}
