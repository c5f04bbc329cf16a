package dev.freeagent.vtuber.ltm.memory;

/**
 * A stored memory whose vector was made by another model than the current one.
 *
 * @param id the store's id
 * @param content the fact, to embed again
 */
public record StaleMemory(String id, String content) {
}
