package dev.freeagent.vtuber.ltm.memory;

import java.time.Instant;

/**
 * One remembered fact about a user.
 *
 * @param id the store's id
 * @param content the fact, one short sentence
 * @param source where it came from ({@code conversation}, {@code user}, {@code legacy}, …)
 * @param sessionId the conversation it came from, may be empty
 * @param createdAt when it was stored
 */
public record Memory(String id, String content, String source, String sessionId, Instant createdAt) {
}
