/**
 * The wire edges of the memory: the gRPC {@code vtuber.ltm.v1.LongTermMemory} service, the HTTP
 * {@code POST /v1/memory/retrieve} the dialog engine's original client calls, and {@code GET /health}. They only
 * translate between the wire and {@link dev.freeagent.vtuber.ltm.memory.MemoryBank}.
 */
package dev.freeagent.vtuber.ltm.api;
