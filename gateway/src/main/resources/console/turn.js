// One turn of the conversation on the wire: the upload through /ws/input and the reply from
// /ws/output/<task id>?stream=1 (streamed text deltas, PCM speech, STOP_ACK/END, the final result).

import { connectionFailure, replyFailure, timedOut, uploadFailure } from './wording.js';

/** Every wait of a turn is bounded. */
const LIMITS = Object.freeze({
  /** opening a socket, and the task id that follows */
  connectMs: 10_000,
  /** the server's acknowledgement of one upload chunk, and the upload's processing */
  uploadMs: 30_000,
  /** the whole reply (the server gives up after 300 s itself) */
  replyMs: 310_000,
});
/** Images go up in chunks of this size. */
const IMAGE_CHUNK_BYTES = 512 * 1024;
const CHUNK_ACK = 'File chunk received';

/** The gateway's addresses, relative to the console page, so a reverse proxy's path prefix is kept. */
export class Endpoints {
  #base;

  /** @param {string} pageUrl the console page (…/console/) */
  constructor(pageUrl) {
    this.#base = new URL('../', pageUrl);
  }

  input() {
    return this.#socket('ws/input');
  }

  output(taskId) {
    return this.#socket(`ws/output/${encodeURIComponent(taskId)}?stream=1`);
  }

  stop() {
    return new URL('control/stop', this.#base).href;
  }

  health() {
    return new URL('health', this.#base).href;
  }

  serviceHealth() {
    return new URL('health/services', this.#base).href;
  }

  #socket(path) {
    const url = new URL(path, this.#base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  }
}

/**
 * What a turn reports, in order: assigned, then any of textDelta/audio/control/audioProblem, then result or
 * failed (at most one of them), then ended (always, last).
 * @typedef {object} TurnListener
 * @property {(taskId: string) => void} assigned
 * @property {(text: string) => void} textDelta
 * @property {(format: {sample_rate: number, channels: number}, pcm: ArrayBuffer) => void} audio
 * @property {(action: string) => void} control END or STOP_ACK
 * @property {(message: string) => void} audioProblem the speech broke off; the text goes on
 * @property {(frame: object) => void} result the final success frame
 * @property {(message: string) => void} failed why the turn failed, in words
 * @property {() => void} ended
 */

/**
 * An upload: {type:'text', text} | {type:'audio', chunks: Blob[], mimeType} |
 * {type:'image', file: Blob, mimeType, prompt}.
 * @typedef {object} Upload
 */

export class Turn {
  #endpoints;
  #listener;
  /** @type {WebSocket|null} */
  #input = null;
  /** @type {WebSocket|null} */
  #output = null;
  #audioHeader = null;
  #settled = false;
  #aborted = false;

  /**
   * @param {Endpoints} endpoints
   * @param {TurnListener} listener
   */
  constructor(endpoints, listener) {
    this.#endpoints = endpoints;
    this.#listener = listener;
  }

  /**
   * Runs the turn to its end; never throws (failures go to the listener).
   * @param {Upload} upload
   * @param {string} sessionId the conversation id
   * @param {string} lang the user's language, e.g. en
   */
  async run(upload, sessionId, lang) {
    try {
      await this.#exchange(upload, sessionId, lang);
    } catch (error) {
      if (!this.#aborted && !this.#settled) {
        this.#listener.failed(error instanceof TurnFailure ? error.message
          : 'Something went wrong in the console. Please try again.');
      }
      if (!(error instanceof TurnFailure)) {
        console.error(error);
      }
    } finally {
      this.#input?.close();
      this.#output?.close();
      this.#listener.ended();
    }
  }

  /** Drops the turn: its sockets close and nothing more is reported but ended. */
  abort() {
    this.#aborted = true;
    this.#input?.close();
    this.#output?.close();
  }

  async #exchange(upload, sessionId, lang) {
    const input = (this.#input = socket(this.#endpoints.input()));
    const inbox = new Inbox(input);
    await opened(input, 'input');
    const assigned = json(await inbox.next(LIMITS.connectMs, 'no task id'));
    if (typeof assigned?.task_id !== 'string') {
      throw new TurnFailure('The server did not start the turn. Please try again.');
    }
    this.#listener.assigned(assigned.task_id);
    // the output socket opens before upload_complete, so not a single reply frame is missed
    const output = (this.#output = socket(this.#endpoints.output(assigned.task_id)));
    output.addEventListener('message', (event) => this.#receive(event.data));
    const outputClosed = new Promise((resolve) => output.addEventListener('close', resolve));
    await opened(output, 'output');
    await this.#upload(input, inbox, upload, { action: 'data_chunk', sessionId, meta: { lang } });
    await processed(inbox);
    const close = await within(outputClosed, LIMITS.replyMs, 'the reply');
    if (!this.#settled && !this.#aborted) {
      throw new TurnFailure(connectionFailure('output', close));
    }
  }

  async #upload(input, inbox, upload, common) {
    if (upload.type === 'text') {
      input.send(JSON.stringify({ type: 'text', chunk_id: 0, ...common, text: upload.text }));
    } else {
      const parts = upload.type === 'image' ? slices(upload.file, IMAGE_CHUNK_BYTES) : upload.chunks;
      const prompt = upload.prompt ? { prompt: upload.prompt } : {};
      for (let chunkId = 0; chunkId < parts.length; chunkId++) {
        const metadata = { type: upload.type, chunk_id: chunkId, ...common, mime_type: upload.mimeType, ...prompt };
        input.send(JSON.stringify(metadata));
        input.send(await parts[chunkId].arrayBuffer());
        await acknowledged(inbox);
      }
    }
    input.send(JSON.stringify({ action: 'upload_complete' }));
  }

  #receive(data) {
    if (this.#aborted) {
      return;
    }
    if (data instanceof ArrayBuffer) {
      const header = this.#audioHeader;
      this.#audioHeader = null;
      if (header?.format === 'pcm_s16le') {
        this.#listener.audio(header, data);
      }
      return;
    }
    const frame = json(data);
    if (frame?.type === 'text_delta') {
      this.#listener.textDelta(String(frame.content ?? ''));
    } else if (frame?.type === 'audio_chunk') {
      this.#audioHeader = frame;
    } else if (frame?.type === 'control') {
      this.#listener.control(String(frame.action));
    } else if (frame?.type === 'error') {
      this.#listener.audioProblem(String(frame.message ?? ''));
    } else if (frame?.status === 'success' && !this.#settled) {
      this.#settled = true;
      this.#listener.result(frame);
    } else if (frame?.status === 'error' && !this.#settled) {
      this.#settled = true;
      this.#listener.failed(replyFailure(frame.error));
    }
  }
}

/** A failure whose message is meant for the user. */
class TurnFailure extends Error {}

/** The input socket's frames, read in order with a bounded wait. */
class Inbox {
  #frames = [];
  #wake = null;
  /** @type {CloseEvent|null} */
  #closed = null;

  constructor(webSocket) {
    webSocket.addEventListener('message', (event) => {
      this.#frames.push(event.data);
      this.#wake?.();
    });
    webSocket.addEventListener('close', (event) => {
      this.#closed = event;
      this.#wake?.();
    });
  }

  async next(timeoutMs, what) {
    for (;;) {
      if (this.#frames.length > 0) {
        return this.#frames.shift();
      }
      if (this.#closed) {
        throw new TurnFailure(connectionFailure('input', this.#closed));
      }
      await within(new Promise((resolve) => { this.#wake = resolve; }), timeoutMs, what);
      this.#wake = null;
    }
  }
}

function socket(url) {
  const webSocket = new WebSocket(url);
  webSocket.binaryType = 'arraybuffer';
  return webSocket;
}

function opened(webSocket, side) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      webSocket.close();
      reject(new TurnFailure(timedOut('connecting')));
    }, LIMITS.connectMs);
    webSocket.addEventListener('open', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
    webSocket.addEventListener('close', () => {
      clearTimeout(timer);
      reject(new TurnFailure(connectionFailure(side, undefined)));
    }, { once: true });
  });
}

async function acknowledged(inbox) {
  for (;;) {
    const frame = await inbox.next(LIMITS.uploadMs, 'the upload');
    if (frame === CHUNK_ACK) {
      return;
    }
    refuseOnError(frame);
  }
}

async function processed(inbox) {
  for (;;) {
    const frame = await inbox.next(LIMITS.uploadMs, 'the upload');
    const message = json(frame);
    if (message?.action === 'upload_processed') {
      if (message.status !== 'queued') {
        throw new TurnFailure(uploadFailure(message.error));
      }
      return;
    }
    refuseOnError(frame);
  }
}

// plain-text errors of the input protocol ("Error: ...") end the turn; advisory ones (chunk id mismatch) do not
function refuseOnError(frame) {
  if (typeof frame === 'string' && frame.startsWith('Error')) {
    throw new TurnFailure(uploadFailure(frame));
  }
  const message = json(frame);
  if (message?.action === 'upload_processed' && message.status === 'error') {
    throw new TurnFailure(uploadFailure(message.error));
  }
}

function slices(blob, size) {
  const parts = [];
  for (let offset = 0; offset < blob.size; offset += size) {
    parts.push(blob.slice(offset, offset + size));
  }
  return parts;
}

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TurnFailure(timedOut(what))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function json(frame) {
  if (typeof frame !== 'string') {
    return null;
  }
  try {
    const value = JSON.parse(frame);
    return value !== null && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
