package dev.freeagent.vtuber.output.web;

import java.util.Optional;

import dev.freeagent.vtuber.common.server.ConnectionEnd;
import dev.freeagent.vtuber.output.delivery.AudioForm;
import dev.freeagent.vtuber.output.delivery.ClientSocket;
import dev.freeagent.vtuber.output.delivery.FrameSink;
import dev.freeagent.vtuber.output.delivery.ResultDelivery;
import dev.freeagent.vtuber.output.delivery.TaskWait;
import dev.freeagent.vtuber.output.speech.SessionOwnership;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

/**
 * {@code WS /ws/output/{task_id}[?stream=1]}, one instance per connection: the query parameter {@code stream}
 * chooses streamed reply audio, its absence the original's whole-file audio. Client frames are ignored.
 */
public final class OutputSocketListener implements WsListener {
    private final ResultDelivery delivery;
    private final SessionOwnership ownership;
    private volatile String taskId;
    private volatile AudioForm form;
    private volatile TaskWait wait;

    /**
     * Creates the listener of one connection.
     *
     * @param delivery result delivery
     * @param ownership registers the socket's session in the session directory
     */
    public OutputSocketListener(ResultDelivery delivery, SessionOwnership ownership) {
        this.delivery = delivery;
        this.ownership = ownership;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String path = prologue.uriPath().path();
        String candidate = path.substring(path.lastIndexOf('/') + 1);
        if (!TaskIdFilter.valid(candidate)) {
            // TaskIdFilter has already answered 403; this is a second line of defence (Helidon sends 400)
            throw new WsUpgradeException("Invalid task_id format");
        }
        // the id is used as given (upstream subscribes to the raw path segment)
        taskId = candidate;
        form = AudioForm.ofStreamParameter(prologue.query().first("stream").orElse(""));
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        HelidonMdc.set("task_id", taskId);
        try {
            wait = delivery.open(taskId, new ClientSocket(new SessionSink(session)), form).orElse(null);
        } finally {
            HelidonMdc.remove("task_id");
        }
        TaskWait opened = wait;
        if (opened != null) {
            ownership.hold(opened);
            ConnectionEnd.onEnd("output-watch-" + taskId, () -> delivery.abandon(opened));
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        leave();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        leave();
    }

    private void leave() {
        TaskWait current = wait;
        if (current != null) {
            delivery.abandon(current);
        }
    }

    /**
     * Writes to the Helidon session.
     *
     * @param session the session
     */
    private record SessionSink(WsSession session) implements FrameSink {
        @Override
        public void text(String text) {
            session.send(text, true);
        }

        @Override
        public void binary(byte[] bytes) {
            session.send(BufferData.create(bytes), true);
        }

        @Override
        public void close(int code, String reason) {
            session.close(code, reason);
        }
    }
}
