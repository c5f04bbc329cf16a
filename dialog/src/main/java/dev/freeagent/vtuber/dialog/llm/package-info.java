/**
 * The OpenAI-compatible streaming chat client: one shared JDK HttpClient, SSE parsing, an idle-timeout watchdog,
 * and retries that continue a broken reply instead of repeating it.
 */
package dev.freeagent.vtuber.dialog.llm;
