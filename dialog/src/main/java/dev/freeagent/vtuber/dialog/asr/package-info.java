/**
 * Speech recognition: the {@link dev.freeagent.vtuber.dialog.asr.AsrProvider} interface, offline English
 * recognition with pocketsphinx, any OpenAI-compatible transcription server, the contract's mock, and the choice
 * among them from {@code dialog.asr}.
 */
package dev.freeagent.vtuber.dialog.asr;
