/**
 * The chat feature's wire edges: {@code POST /chat/stream} (SSE), {@code GET /health} and the gRPC
 * {@code DialogService}. They only translate between the wire and {@link dev.freeagent.vtuber.dialog.turn.TurnRunner}.
 */
package dev.freeagent.vtuber.dialog.chat;
