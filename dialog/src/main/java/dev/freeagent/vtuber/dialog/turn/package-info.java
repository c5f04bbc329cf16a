/**
 * One conversational turn, independent of any wire protocol: the request, the prompt (persona, language hint,
 * short-term history, the user message), the responder that writes the reply (the LLM or the scripted one),
 * cancellation, stats, and the memory write after the reply. Nothing here imports Helidon or gRPC.
 */
package dev.freeagent.vtuber.dialog.turn;
