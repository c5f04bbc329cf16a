package dev.freeagent.vtuber.workers.ltm;

import dev.freeagent.vtuber.workers.event.MalformedEventException;
import dev.freeagent.vtuber.workers.event.OutboxEvent;

/**
 * One turn to remember, as the ltm service's Write takes it.
 *
 * @param userId whose memory: the envelope's {@code userId}, else its {@code sessionId}
 * @param correlationId the idempotency key
 * @param sessionId the session (task) id; may be empty
 * @param userText what the user said ({@code payload.text}); may be empty
 * @param reply what the character answered ({@code payload.reply}); may be empty
 * @param lang the envelope's {@code lang}; empty when absent
 */
public record MemoryWrite(String userId, String correlationId, String sessionId, String userText, String reply,
                          String lang) {
    /** The event type this write comes from. */
    public static final String EVENT_TYPE = "LtmWriteRequested";

    /**
     * Reads the write an {@code LtmWriteRequested} event asks for (contract §5.7, plus our {@code userId} and
     * {@code lang}).
     *
     * @param event the event
     * @return the write
     * @throws MalformedEventException when it names no user or carries no text at all
     */
    public static MemoryWrite from(OutboxEvent event) {
        String sessionId = event.text("sessionId").orElse("");
        String userId = event.text("userId").filter(id -> !id.isBlank()).orElse(sessionId);
        if (userId.isBlank()) {
            throw new MalformedEventException("the " + EVENT_TYPE + " event names no user: neither userId nor sessionId");
        }
        String userText = event.text("payload", "text").orElse("");
        String reply = event.text("payload", "reply").orElse("");
        if (userText.isBlank() && reply.isBlank()) {
            throw new MalformedEventException("the " + EVENT_TYPE + " event carries neither payload.text nor payload.reply");
        }
        return new MemoryWrite(userId, event.correlationId(), sessionId, userText, reply, event.text("lang").orElse(""));
    }
}
