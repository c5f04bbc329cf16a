// Draws the conversation: one list item per message, updated in place while a reply grows. Screen readers
// hear finished replies and errors through live regions, not every growing fragment.

const KIND_LABELS = { voice: 'Voice message', image: 'Image' };

export class TranscriptView {
  #list;
  #empty;
  #scroller;
  #announcer;
  #alerts;
  /** @type {Map<string, HTMLLIElement>} */
  #items = new Map();

  /**
   * @param {{list: HTMLOListElement, empty: HTMLElement, scroller: HTMLElement, announcer: HTMLElement,
   *          alerts: HTMLElement}} elements
   */
  constructor({ list, empty, scroller, announcer, alerts }) {
    this.#list = list;
    this.#empty = empty;
    this.#scroller = scroller;
    this.#announcer = announcer;
    this.#alerts = alerts;
  }

  /** Shows these messages instead of the current ones. */
  showAll(messages) {
    this.#list.replaceChildren();
    this.#items.clear();
    messages.forEach((message) => this.add(message));
    this.#empty.hidden = messages.length > 0;
    this.#scrollToEnd(true);
  }

  /** Appends one message and shows it: a new message always scrolls the conversation to its end. */
  add(message) {
    const item = document.createElement('li');
    item.className = `message ${message.role}`;
    item.innerHTML = '<div class="bubble"><p class="text"></p></div><p class="meta"></p>';
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = message.role === 'user' ? 'You said: ' : 'Character: ';
    item.querySelector('.bubble').prepend(label);
    this.#items.set(message.id, item);
    this.#list.append(item);
    this.#empty.hidden = true;
    this.update(message);
    this.#scrollToEnd(true);
  }

  /** Redraws one message from its current fields. */
  update(message) {
    const item = this.#items.get(message.id);
    if (!item) {
      return;
    }
    const follow = this.#nearEnd();
    item.dataset.state = message.state;
    if (message.taskId) {
      item.dataset.taskId = message.taskId;
    }
    this.#drawBody(item.querySelector('.bubble'), message, follow);
    this.#drawMeta(item.querySelector('.meta'), message);
    this.#scrollToEnd(follow);
  }

  /** Reads a sentence out to screen readers. */
  announce(text) {
    this.#announcer.textContent = text;
  }

  /** Reads an error out at once. */
  alert(text) {
    this.#alerts.textContent = '';
    this.#alerts.textContent = text;
  }

  #drawBody(bubble, message, follow) {
    const text = bubble.querySelector('.text');
    bubble.querySelector('.kind')?.remove();
    bubble.querySelector('img')?.remove();
    if (KIND_LABELS[message.kind]) {
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = KIND_LABELS[message.kind];
      bubble.insertBefore(kind, text);
    }
    if (message.imageUrl) {
      const image = document.createElement('img');
      image.src = message.imageUrl;
      image.alt = 'The image you sent';
      // the picture takes its height only once loaded
      image.addEventListener('load', () => this.#scrollToEnd(follow || this.#nearEnd()), { once: true });
      bubble.insertBefore(image, text);
    }
    if (message.state === 'error' && !message.text) {
      text.textContent = message.error ?? 'Something went wrong.';
      text.classList.add('error-text');
      return;
    }
    text.classList.remove('error-text');
    text.textContent = message.text;
  }

  #drawMeta(meta, message) {
    const parts = [];
    const timing = message.timing ?? {};
    if (timing.firstTextMs !== undefined) {
      parts.push(['first text', `${Math.round(timing.firstTextMs)} ms`]);
    }
    if (timing.firstAudioMs !== undefined) {
      parts.push(['first audio', `${Math.round(timing.firstAudioMs)} ms`]);
    }
    if (message.gateway) {
      parts.push(['gateway', message.gateway]);
    }
    meta.replaceChildren(...parts.map(([name, value]) => span(`${name} ${value}`, `timing-${name.replace(' ', '-')}`)));
    if (message.state === 'error' && message.text) {
      meta.append(span(message.error, 'error-text'));
    }
    if (message.note) {
      meta.append(span(message.note, 'note'));
    }
  }

  #nearEnd() {
    const s = this.#scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < 80;
  }

  #scrollToEnd(follow) {
    if (follow) {
      this.#scroller.scrollTop = this.#scroller.scrollHeight;
    }
  }
}

function span(text, className) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
