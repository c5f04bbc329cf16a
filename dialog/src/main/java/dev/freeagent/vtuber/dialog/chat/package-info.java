/**
 * The chat feature's wire edges: {@code POST /chat/stream} (SSE), {@code POST /chat/audio} (JSON),
 * {@code POST /chat/audio/stream} (SSE), {@code POST /chat/vision} (JSON), {@code POST /tts/mock},
 * {@code GET /health} and the gRPC {@code DialogService}. They only translate between the wire and
 * {@link dev.freeagent.vtuber.dialog.turn.TurnRunner} or {@link dev.freeagent.vtuber.dialog.asr.SpokenTurns}, and
 * map failures in one place per protocol ({@code HttpFailure}, {@code GrpcStatuses}).
 */
package dev.freeagent.vtuber.dialog.chat;
