// Push-to-talk: records the microphone with MediaRecorder (WebM/Opus where the browser has it) while the
// talk control is held, and hands back the recorded blobs, which go to the server as upload chunks.

/** MediaRecorder delivers a blob this often, so a long recording is uploaded in several chunks. */
const SLICE_MS = 500;
/** The longest recording; the recorder stops by itself after it. */
const MAX_RECORDING_MS = 60_000;
/** Shorter than this is a tap, not speech. */
export const MIN_RECORDING_MS = 300;
const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/**
 * @typedef {object} Recording
 * @property {Blob[]} chunks
 * @property {string} mimeType without codec parameters, e.g. audio/webm
 * @property {number} durationMs
 */

export class VoiceRecorder {
  /** @type {Promise<MediaRecorder>|null} */
  #starting = null;
  #startedAt = 0;
  /** @type {Blob[]} */
  #chunks = [];
  #limitTimer = 0;
  #onLimit;

  /** @param {() => void} onLimit called when a recording reaches MAX_RECORDING_MS */
  constructor(onLimit) {
    this.#onLimit = onLimit;
  }

  /** Why recording cannot work on this page, or null when it can. */
  static unavailableReason() {
    if (!window.isSecureContext) {
      return 'The microphone works only on a secure page (https, or localhost).';
    }
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      return 'This browser cannot record audio.';
    }
    return null;
  }

  get recording() {
    return this.#starting !== null;
  }

  /** Starts recording; the browser may first ask for permission. */
  start() {
    if (this.#starting) {
      return this.#starting;
    }
    this.#startedAt = performance.now();
    const chunks = [];
    this.#chunks = chunks;
    this.#starting = navigator.mediaDevices.getUserMedia({ audio: true }).then((stream) => {
      const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
      const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) {
          chunks.push(event.data);
        }
      };
      recorder.start(SLICE_MS);
      this.#limitTimer = setTimeout(this.#onLimit, MAX_RECORDING_MS);
      return recorder;
    });
    this.#starting.catch(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  /**
   * Stops and returns what was recorded.
   * @returns {Promise<Recording>}
   */
  async finish() {
    const chunks = this.#chunks;
    const recorder = await this.#take();
    // the last blob is delivered before the stop event
    const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
    recorder.stop();
    await stopped;
    recorder.stream.getTracks().forEach((track) => track.stop());
    const mimeType = (recorder.mimeType || chunks[0]?.type || 'audio/webm').split(';')[0];
    return { chunks, mimeType, durationMs: performance.now() - this.#startedAt };
  }

  /** Stops without keeping anything. */
  async cancel() {
    try {
      const recorder = await this.#take();
      recorder.ondataavailable = null;
      recorder.stop();
      recorder.stream.getTracks().forEach((track) => track.stop());
    } catch {
      // never started
    }
  }

  async #take() {
    const starting = this.#starting;
    this.#starting = null;
    clearTimeout(this.#limitTimer);
    if (!starting) {
      throw new Error('not recording');
    }
    return starting;
  }
}
