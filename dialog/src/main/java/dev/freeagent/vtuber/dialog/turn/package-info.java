/**
 * One conversational turn, independent of any wire protocol: the request (typed, spoken or shown: an image with its
 * prompt), the prompt (persona, language hint, short-term history, the user message), the responder that writes the
 * reply (the LLM or the scripted one), cancellation, stats, the memory write after the reply and its outbox events.
 * Nothing here imports Helidon or gRPC.
 */
package dev.freeagent.vtuber.dialog.turn;
