/**
 * Recorded audio: decoding whatever a browser or recorder sends (WebM/Opus, OGG, WAV, MP3, FLAC...) into the
 * 16-bit PCM the speech recognisers read, within the configured size, duration and time limits.
 */
package dev.freeagent.vtuber.dialog.audio;
