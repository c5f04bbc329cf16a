// The conversation kept in this browser: its id (sent as sessionId, so the server continues it) and the
// visible transcript, both in localStorage so a reload continues where the user was.

const STORAGE_KEY = 'vtuber-console.conversation.v1';
/** The most messages kept; older ones leave the visible transcript (the server keeps its own memory). */
const MAX_MESSAGES = 200;

/**
 * @typedef {object} Message
 * @property {string} id
 * @property {'user'|'assistant'} role
 * @property {'text'|'voice'|'image'} kind
 * @property {string} text
 * @property {'waiting'|'streaming'|'done'|'stopped'|'error'} state
 * @property {string} [error] what went wrong, in words
 * @property {string} [note] a remark shown under the message (a stop, an audio problem)
 * @property {string} [taskId] the server's task id of the turn
 * @property {{firstTextMs?: number, firstAudioMs?: number}} [timing] as this browser saw them, from sending
 * @property {string} [gateway] the gateway's health when the turn ended: healthy or unreachable
 * @property {string} [imageUrl] a preview of a sent image (this page view only, never stored)
 */

export class Conversation {
  #storage;
  #id;
  /** @type {Message[]} */
  #messages;

  constructor(storage, id, messages) {
    this.#storage = storage;
    this.#id = id;
    this.#messages = messages;
  }

  /**
   * The stored conversation, or a new one.
   * @param {Storage|null} storage where it lives; null keeps it in memory only
   */
  static load(storage) {
    const stored = read(storage);
    if (stored && typeof stored.id === 'string' && Array.isArray(stored.messages)) {
      // a turn that was still running when the page went away will not finish any more
      const messages = stored.messages.map((m) => (isOpen(m) ? { ...m, state: 'stopped', note: 'Interrupted by a reload.' } : m));
      return new Conversation(storage, stored.id, messages);
    }
    return new Conversation(storage, newConversationId(), []);
  }

  get id() {
    return this.#id;
  }

  /** @returns {readonly Message[]} */
  get messages() {
    return this.#messages;
  }

  /**
   * Adds a message and stores the conversation.
   * @param {Omit<Message, 'id'>} fields
   * @returns {Message} the stored message; change it, then call save()
   */
  add(fields) {
    const message = { id: newConversationId(), ...fields };
    this.#messages.push(message);
    if (this.#messages.length > MAX_MESSAGES) {
      this.#messages.splice(0, this.#messages.length - MAX_MESSAGES);
    }
    this.save();
    return message;
  }

  /** Forgets everything and takes a new id: the server starts a new conversation too. */
  startNew() {
    this.#id = newConversationId();
    this.#messages = [];
    this.save();
  }

  save() {
    if (!this.#storage) {
      return;
    }
    const messages = this.#messages.map(({ imageUrl, ...kept }) => kept);
    try {
      this.#storage.setItem(STORAGE_KEY, JSON.stringify({ id: this.#id, messages }));
    } catch {
      // storage full or disabled: the conversation goes on, it just will not survive a reload
    }
  }
}

/**
 * A random UUID. crypto.randomUUID exists only on secure pages; getRandomValues works on plain http too.
 * @returns {string}
 */
function newConversationId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isOpen(message) {
  return message.state === 'waiting' || message.state === 'streaming';
}

function read(storage) {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
