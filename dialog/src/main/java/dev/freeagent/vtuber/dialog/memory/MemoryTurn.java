package dev.freeagent.vtuber.dialog.memory;

/**
 * One stored message.
 *
 * @param role {@code user} or {@code assistant}
 * @param text the message
 */
public record MemoryTurn(String role, String text) {
}
