/**
 * Voice input: the {@link dev.freeagent.vtuber.dialog.asr.AsrProvider} interface, offline English recognition with
 * pocketsphinx, any OpenAI-compatible transcription server, the contract's mock, the choice among them from
 * {@code dialog.asr}, and {@link dev.freeagent.vtuber.dialog.asr.SpokenTurns}, which turns a recording into a
 * normal turn (decode, recognise, answer). Nothing here imports Helidon (except settings reading config) or gRPC.
 */
package dev.freeagent.vtuber.dialog.asr;
