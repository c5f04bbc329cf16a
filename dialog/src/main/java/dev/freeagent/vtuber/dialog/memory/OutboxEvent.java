package dev.freeagent.vtuber.dialog.memory;

/**
 * An event a stored turn causes, waiting in the outbox until the relay has put it on its Redis stream.
 *
 * @param type the event type (contract §5.7), e.g. {@code LtmWriteRequested}
 * @param payload the JSON envelope
 */
public record OutboxEvent(String type, String payload) {
}
