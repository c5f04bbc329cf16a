// The conversation as the user lives it: sending turns, growing replies, playing their speech, and
// barge-in (silence here at once, then POST /control/stop for the reply that was speaking).

import { Turn } from './turn.js';

/** The longest wait for the gateway's answer to a stop. */
const STOP_TIMEOUT_MS = 5_000;
/** While a reply grows, the transcript is stored at most this often (and always when it ends). */
const SAVE_INTERVAL_MS = 1_000;
const STOP_NOTES = {
  200: 'Stopping… waiting for the server to confirm.',
  404: 'Stopped here. The server had already sent the whole reply.',
  409: 'Stopped here. Barge-in is turned off on this server, so the reply was not cut short there.',
};

/**
 * @typedef {object} Exchange one turn in flight
 * @property {Turn} turn
 * @property {import('./conversation.js').Message} user
 * @property {import('./conversation.js').Message} reply
 * @property {number} sentAt performance.now() when the user sent it
 * @property {boolean} running the turn's sockets are open
 * @property {boolean} silenced the user stopped its speech
 * @property {boolean} acknowledged the server confirmed the stop (STOP_ACK)
 */

export class Chat {
  #conversation;
  #view;
  #player;
  #endpoints;
  #health;
  #onChange;
  /** @type {Exchange|null} the latest turn: the only one that may speak */
  #latest = null;
  /** @type {Set<Exchange>} */
  #running = new Set();
  #savedAt = 0;

  constructor({ conversation, view, player, endpoints, health, onChange }) {
    this.#conversation = conversation;
    this.#view = view;
    this.#player = player;
    this.#endpoints = endpoints;
    this.#health = health;
    this.#onChange = onChange;
  }

  /** A reply is being written. */
  get busy() {
    return this.#running.size > 0;
  }

  /** There is something to stop: the latest reply is still coming or its speech still plays. */
  get canStop() {
    const latest = this.#latest;
    return latest !== null && !latest.silenced && (latest.running || this.#player.speaking);
  }

  /**
   * Sends one turn; a reply that still speaks is stopped first (barge-in).
   * @param {import('./turn.js').Upload} upload
   * @param {{kind: string, text: string, imageUrl?: string}} shown what the transcript shows for the user
   */
  send(upload, shown) {
    this.#player.unlock();
    if (this.canStop) {
      this.stop();
    }
    this.#player.stop();
    const user = this.#conversation.add({ role: 'user', state: 'done', ...shown });
    const reply = this.#conversation.add({ role: 'assistant', kind: 'text', text: '', state: 'waiting', timing: {} });
    this.#view.add(user);
    this.#view.add(reply);
    const exchange = { user, reply, sentAt: performance.now(), running: true, silenced: false, acknowledged: false };
    exchange.turn = new Turn(this.#endpoints, this.#listener(exchange));
    this.#latest = exchange;
    this.#running.add(exchange);
    this.#onChange();
    exchange.turn.run(upload, this.#conversation.id, language());
  }

  /** Barge-in: silences the speech now, then asks the server to stop the reply. */
  async stop() {
    this.#player.stop();
    const exchange = this.#latest;
    if (!exchange || exchange.silenced) {
      return;
    }
    exchange.silenced = true;
    this.#onChange();
    if (!exchange.reply.taskId) {
      this.#note(exchange, 'Stopped before the server started the reply.');
      return;
    }
    this.#note(exchange, 'Stopping…');
    const note = await this.#askServerToStop(exchange.reply.taskId);
    if (!exchange.acknowledged) {
      this.#note(exchange, note);
    }
  }

  /** Drops the conversation, here and (through a new id) on the server. */
  startNew() {
    if (this.canStop) {
      this.stop();
    }
    this.#player.stop();
    for (const exchange of this.#running) {
      exchange.turn.abort();
    }
    this.#latest = null;
    this.#conversation.startNew();
    this.#view.showAll([]);
    this.#onChange();
  }

  async #askServerToStop(taskId) {
    try {
      const response = await fetch(this.#endpoints.stop(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sessionId: taskId }),
        signal: AbortSignal.timeout(STOP_TIMEOUT_MS),
      });
      return STOP_NOTES[response.status] ?? `Stopped here. The server answered the stop with HTTP ${response.status}.`;
    } catch {
      return 'Stopped here. The server could not be told to stop.';
    }
  }

  /** @returns {import('./turn.js').TurnListener} */
  #listener(exchange) {
    const { reply, user } = exchange;
    const elapsed = () => performance.now() - exchange.sentAt;
    return {
      assigned: (taskId) => {
        reply.taskId = taskId;
        this.#changed(exchange, true);
      },
      textDelta: (text) => {
        reply.timing.firstTextMs ??= elapsed();
        reply.text += text;
        reply.state = 'streaming';
        this.#changed(exchange, false);
      },
      audio: (format, pcm) => {
        if (exchange.silenced || this.#latest !== exchange) {
          return;
        }
        if (reply.timing.firstAudioMs === undefined) {
          reply.timing.firstAudioMs = elapsed();
          this.#changed(exchange, false);
        }
        this.#player.play(format, pcm);
      },
      control: (action) => {
        if (action === 'STOP_ACK') {
          exchange.acknowledged = true;
          this.#note(exchange, 'Stopped. The server confirmed the stop (STOP_ACK).');
        }
      },
      audioProblem: (message) => this.#note(exchange, `The voice broke off: ${message}`),
      result: (frame) => {
        reply.timing.firstTextMs ??= elapsed();
        reply.text = typeof frame.content === 'string' && frame.content ? frame.content : reply.text;
        reply.state = exchange.silenced ? 'stopped' : 'done';
        if (user.kind === 'voice' && frame.transcript) {
          user.text = frame.transcript;
          this.#view.update(user);
        }
        this.#changed(exchange, true);
        this.#view.announce(`Character: ${reply.text}`);
      },
      failed: (message) => {
        reply.state = 'error';
        reply.error = message;
        this.#changed(exchange, true);
        this.#view.alert(message);
      },
      ended: () => {
        exchange.running = false;
        this.#running.delete(exchange);
        if (reply.state === 'waiting' || reply.state === 'streaming') {
          reply.state = 'stopped';
        }
        this.#changed(exchange, true);
        this.#recordHealth(exchange);
      },
    };
  }

  async #recordHealth(exchange) {
    const health = await this.#health.check();
    exchange.reply.gateway = health.ok ? 'healthy' : 'unreachable';
    this.#changed(exchange, true);
  }

  #note(exchange, note) {
    exchange.reply.note = note;
    this.#changed(exchange, true);
  }

  #changed(exchange, store) {
    this.#view.update(exchange.reply);
    const now = performance.now();
    if (store || now - this.#savedAt > SAVE_INTERVAL_MS) {
      this.#savedAt = now;
      this.#conversation.save();
    }
    this.#onChange();
  }
}

// the reply's language follows the browser's; the server picks the voice from it
function language() {
  return (navigator.language || 'en').split('-')[0].toLowerCase();
}
