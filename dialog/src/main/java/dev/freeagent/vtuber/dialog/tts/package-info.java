/**
 * Speech synthesis, one sentence at a time, streamed as PCM while it is produced: espeak-ng as a process (the
 * local default, Mandarin through pinyin), FreeTTS in process (English, when espeak-ng is missing), an
 * OpenAI-compatible {@code /audio/speech} client, the contract's mock, and a deterministic tone for tests and
 * benchmarks. {@link dev.freeagent.vtuber.dialog.tts.TtsProviders} builds the configured one. Every provider stops
 * at once when the turn is cancelled, and nothing reaches the sink after that.
 */
package dev.freeagent.vtuber.dialog.tts;
