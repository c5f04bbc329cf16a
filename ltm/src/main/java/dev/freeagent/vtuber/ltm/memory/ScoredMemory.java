package dev.freeagent.vtuber.ltm.memory;

/**
 * A memory found by a search.
 *
 * @param memory the memory
 * @param score cosine similarity to the query, -1..1
 */
public record ScoredMemory(Memory memory, double score) {
}
