package dev.freeagent.vtuber.ltm.memory;

import dev.freeagent.vtuber.ltm.embedding.Embedding;

/**
 * A fact about to be stored, with its vector.
 *
 * @param content the fact
 * @param source where it came from
 * @param sessionId the conversation, may be empty
 * @param embedding its vector
 */
public record NewMemory(String content, String source, String sessionId, Embedding embedding) {
}
