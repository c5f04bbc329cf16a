// Plays streamed speech: signed 16-bit little-endian PCM chunks, each scheduled right after the one before,
// so the reply is heard from its first chunk on while the rest is still being spoken by the server.

/**
 * How far ahead of now a stream (or a stream that ran dry) is scheduled: chunks of a voice that is spoken in real
 * time arrive just as fast as they play, and this much buffer absorbs their jitter without gaps.
 */
const LEAD_SECONDS = 0.15;
/** A gap shorter than this between two chunks still counts as speaking (the indicator does not flicker). */
const QUIET_MS = 300;

export class PcmPlayer {
  /** @type {AudioContext|null} */
  #context = null;
  /** @type {Set<AudioBufferSourceNode>} */
  #sources = new Set();
  #nextStart = 0;
  /** An odd byte left from the last chunk: a sample may be split between two chunks. */
  #carry = null;
  #quietTimer = 0;
  #onSpeaking;

  /** @param {(speaking: boolean) => void} onSpeaking told when sound starts and when it ends */
  constructor(onSpeaking) {
    this.#onSpeaking = onSpeaking;
  }

  /** Creates or resumes the audio context; call it from a click or key press (browsers require a gesture). */
  unlock() {
    this.#context ??= new AudioContext();
    if (this.#context.state === 'suspended') {
      this.#context.resume().catch(() => {});
    }
  }

  get speaking() {
    return this.#sources.size > 0 || this.#quietTimer !== 0;
  }

  /**
   * Queues one chunk.
   * @param {{sample_rate: number, channels: number}} format from the chunk's header
   * @param {ArrayBuffer} bytes the PCM
   */
  play(format, bytes) {
    this.unlock();
    const channels = Math.max(1, format.channels | 0);
    const samples = this.#samples(bytes);
    const frames = Math.floor(samples.length / channels);
    if (frames === 0) {
      return;
    }
    const context = this.#context;
    const buffer = context.createBuffer(channels, frames, format.sample_rate);
    for (let channel = 0; channel < channels; channel++) {
      const data = buffer.getChannelData(channel);
      for (let i = 0; i < frames; i++) {
        data[i] = samples[i * channels + channel] / 32768;
      }
    }
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    const startAt = Math.max(this.#nextStart, context.currentTime + LEAD_SECONDS);
    source.onended = () => this.#ended(source);
    source.start(startAt);
    this.#nextStart = startAt + buffer.duration;
    const wasSpeaking = this.speaking;
    this.#sources.add(source);
    this.#clearQuietTimer();
    if (!wasSpeaking) {
      this.#onSpeaking(true);
    }
  }

  /** Silences everything at once and forgets what was queued; the next chunk starts a new stream. */
  stop() {
    const wasSpeaking = this.speaking;
    for (const source of this.#sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // already stopped
      }
      source.disconnect();
    }
    this.#sources.clear();
    this.#clearQuietTimer();
    this.#nextStart = 0;
    this.#carry = null;
    if (wasSpeaking) {
      this.#onSpeaking(false);
    }
  }

  #ended(source) {
    this.#sources.delete(source);
    source.disconnect();
    if (this.#sources.size === 0) {
      this.#quietTimer = setTimeout(() => {
        this.#quietTimer = 0;
        this.#onSpeaking(false);
      }, QUIET_MS);
    }
  }

  #clearQuietTimer() {
    clearTimeout(this.#quietTimer);
    this.#quietTimer = 0;
  }

  // little-endian on every platform, whatever the machine's own byte order
  #samples(bytes) {
    let view = new Uint8Array(bytes);
    if (this.#carry !== null) {
      const joined = new Uint8Array(view.length + 1);
      joined[0] = this.#carry;
      joined.set(view, 1);
      view = joined;
      this.#carry = null;
    }
    if (view.length % 2 === 1) {
      this.#carry = view[view.length - 1];
    }
    const data = new DataView(view.buffer, view.byteOffset, view.length - (view.length % 2));
    const samples = new Int16Array(data.byteLength / 2);
    for (let i = 0; i < samples.length; i++) {
      samples[i] = data.getInt16(i * 2, true);
    }
    return samples;
  }
}
