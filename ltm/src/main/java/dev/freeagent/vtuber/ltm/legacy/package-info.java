/**
 * The original system's Redis flows, kept wire-compatible and without its bugs: {@code memory_updates}
 * ingestion, {@code ltm_requests} → {@code ltm_responses}, and the memory-python bridge
 * ({@code user_input_queue}, {@code ai_responses}, {@code memory:user_sessions:*}, {@code memory:global_context}).
 * Each flow can be switched off; all start while Redis is down and resume when it returns.
 */
package dev.freeagent.vtuber.ltm.legacy;
