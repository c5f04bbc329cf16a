package dev.freeagent.vtuber.dialog.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.memory.OutboxEvent;
import dev.freeagent.vtuber.dialog.memory.TurnEvents;

/**
 * The outbox events of a stored turn, with the envelopes of contract §5.7: {@code LtmWriteRequested} (what the
 * user said and the reply, for long-term memory), {@code AnalyticsChatStats}, and for spoken and shown turns
 * {@code AnalyticsAsrStats} (an image turn's has provider, latency and duration null, as the original's). The
 * correlation id is {@code <conversation>#<turn>} with the turn's real number in its conversation, so a redelivered
 * event is recognised by every consumer. Two fields are ours: {@code userId} (long-term memory is per user) and
 * {@code lang}. Turns of the anonymous user cause no {@code LtmWriteRequested}.
 */
public final class OutboxEnvelopes {
    /** Records no events ({@code dialog.outbox.enabled=false}). */
    public static final OutboxEnvelopes DISABLED = new OutboxEnvelopes(false);
    /** Records the events of every turn. */
    public static final OutboxEnvelopes ENABLED = new OutboxEnvelopes(true);

    private final boolean enabled;

    private OutboxEnvelopes(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The events of one turn.
     *
     * @param request the turn
     * @param reply the reply as delivered
     * @param stats its measurements
     * @return the events, built once the turn's number is known
     */
    public TurnEvents of(TurnRequest request, String reply, TurnStats stats) {
        if (!enabled) {
            return TurnEvents.NONE;
        }
        return turn -> {
            long now = System.currentTimeMillis() / 1000;
            ObjectNode ltm = envelope(request, turn, now);
            ltm.put("type", "LtmWriteRequested");
            ObjectNode payload = ltm.putObject("payload");
            payload.put("text", request.text());
            payload.put("reply", reply);
            payload.put("vectorize", true);
            ltm.put("userId", request.userId());
            request.lang().ifPresent(lang -> ltm.put("lang", lang));
            ObjectNode chat = envelope(request, turn, now);
            if (stats.ttftMs().isPresent()) {
                chat.put("ttft_ms", stats.ttftMs().getAsDouble());
            } else {
                chat.putNull("ttft_ms");
            }
            chat.put("tokens", stats.tokens());
            List<OutboxEvent> events = new ArrayList<>(3);
            // a user nobody identified is everyone without a name: nothing of theirs is remembered for the others
            if (!TurnRequest.ANONYMOUS.equals(request.userId())) {
                events.add(new OutboxEvent("LtmWriteRequested", Json.write(ltm)));
            }
            events.add(new OutboxEvent("AnalyticsChatStats", Json.write(chat)));
            recognition(request, turn, now).ifPresent(events::add);
            return events;
        };
    }

    private static Optional<OutboxEvent> recognition(TurnRequest request, int turn, long now) {
        ObjectNode asr = Json.object();
        asr.put("correlationId", request.conversationId() + "#" + turn);
        asr.put("sessionId", request.conversationId());
        asr.put("turn", turn);
        switch (request.input()) {
            case TurnInput.Typed typed -> {
                return Optional.empty();
            }
            case TurnInput.Spoken spoken -> {
                RecognitionStats stats = spoken.recognition();
                asr.put("provider", stats.provider());
                asr.put("latency_ms", stats.latencyMs());
                if (stats.durationSeconds().isPresent()) {
                    asr.put("duration_seconds", stats.durationSeconds().getAsDouble());
                } else {
                    asr.putNull("duration_seconds");
                }
            }
            case TurnInput.Shown shown -> asr.putNull("provider").putNull("latency_ms").putNull("duration_seconds");
        }
        asr.put("ts", now);
        return Optional.of(new OutboxEvent("AnalyticsAsrStats", Json.write(asr)));
    }

    private static ObjectNode envelope(TurnRequest request, int turn, long now) {
        ObjectNode json = Json.object();
        json.put("correlationId", request.conversationId() + "#" + turn);
        json.put("sessionId", request.conversationId());
        json.put("turn", turn);
        json.put("ts", now);
        return json;
    }
}
