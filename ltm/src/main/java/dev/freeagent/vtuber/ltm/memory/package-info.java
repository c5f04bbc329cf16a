/**
 * Long-term memory, the domain: a {@link dev.freeagent.vtuber.ltm.memory.MemoryBank} remembers facts about each
 * user (extracted from turns, embedded, near-duplicates dropped, idempotent by correlation id) and finds the ones
 * closest in meaning to a query. Every operation is scoped to one user; a
 * {@link dev.freeagent.vtuber.ltm.memory.MemoryStore} never answers across users.
 */
package dev.freeagent.vtuber.ltm.memory;
