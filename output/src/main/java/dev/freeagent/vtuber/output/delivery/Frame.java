package dev.freeagent.vtuber.output.delivery;

/**
 * One WebSocket message to a client.
 */
public sealed interface Frame {
    /**
     * A text message.
     *
     * @param text the text (our frames are JSON)
     */
    record Text(String text) implements Frame {
    }

    /**
     * A binary message.
     *
     * @param bytes the payload, not copied
     */
    record Binary(byte[] bytes) implements Frame {
    }
}
