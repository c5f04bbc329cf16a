// The console page: wires the composer, push-to-talk, the stop button, the keyboard and the status badge to
// the conversation.

import { Chat } from './chat.js';
import { Conversation } from './conversation.js';
import { HealthMonitor } from './health.js';
import { PcmPlayer } from './pcm-player.js';
import { MIN_RECORDING_MS, VoiceRecorder } from './recorder.js';
import { TranscriptView } from './transcript.js';
import { Endpoints } from './turn.js';

/** The largest image sent (the server takes 16 MiB per upload). */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** The image types the server stores as what they are. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
/** How long a notice (a problem outside the conversation) stays up. */
const NOTICE_MS = 8_000;
/** What people call the services that /health/services names. */
const SERVICE_LABELS = {
  gateway: 'Gateway',
  input: 'Input',
  output: 'Output',
  dialog: 'Dialog',
  ltm: 'Long-term memory',
  workers: 'Workers',
};

const $ = (id) => document.getElementById(id);
const ui = {
  message: $('message'),
  composer: $('composer'),
  talk: $('talk'),
  stop: $('stop'),
  attach: $('attach'),
  imageInput: $('image-input'),
  attachment: $('attachment'),
  avatar: $('avatar'),
  state: $('character-state'),
  health: $('health'),
  notice: $('notice'),
};

const endpoints = new Endpoints(location.href);
const conversation = Conversation.load(storage());
const view = new TranscriptView({
  list: $('transcript'), empty: $('empty'), scroller: $('conversation'), announcer: $('announcer'), alerts: $('alerts'),
});
const player = new PcmPlayer(refresh);
const health = new HealthMonitor({ gateway: endpoints.health(), services: endpoints.serviceHealth() }, showHealth);
const chat = new Chat({ conversation, view, player, endpoints, health, onChange: refresh });
const recorder = new VoiceRecorder(() => finishTalking());
/** @type {{file: File, url: string}|null} */
let image = null;
let noticeTimer = 0;

view.showAll(conversation.messages);
health.start();
wireComposer();
wireTalk();
wireKeyboard();
$('new-conversation').addEventListener('click', () => {
  chat.startNew();
  dropImage();
  view.announce('A new conversation has started.');
  ui.message.focus();
});
ui.stop.addEventListener('click', stopSpeech);
refresh();
ui.message.focus();

function wireComposer() {
  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    sendComposed();
  });
  ui.message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendComposed();
    }
  });
  ui.message.addEventListener('input', fitMessageBox);
  ui.attach.addEventListener('click', () => ui.imageInput.click());
  ui.imageInput.addEventListener('change', () => chooseImage(ui.imageInput.files?.[0]));
  $('attachment-remove').addEventListener('click', () => {
    dropImage();
    ui.message.focus();
  });
}

function sendComposed() {
  const text = ui.message.value.trim();
  if (image) {
    chat.send({ type: 'image', file: image.file, mimeType: image.file.type, prompt: text },
      { kind: 'image', text, imageUrl: image.url });
    clearImage();
  } else if (text) {
    chat.send({ type: 'text', text }, { kind: 'text', text });
  } else {
    return;
  }
  ui.message.value = '';
  fitMessageBox();
  ui.message.focus();
}

function chooseImage(file) {
  ui.imageInput.value = '';
  if (!file) {
    return;
  }
  if (!IMAGE_TYPES.includes(file.type) || file.size === 0 || file.size > MAX_IMAGE_BYTES) {
    notify(`Please choose a PNG, JPEG, WebP or GIF image of at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
    return;
  }
  dropImage();
  image = { file, url: URL.createObjectURL(file) };
  $('attachment-preview').src = image.url;
  $('attachment-name').textContent = file.name;
  ui.attachment.hidden = false;
  ui.message.placeholder = 'Add a question…';
  ui.message.focus();
}

// an image that was never sent: its preview URL is not shown anywhere else
function dropImage() {
  if (image) {
    URL.revokeObjectURL(image.url);
  }
  clearImage();
}

function clearImage() {
  image = null;
  ui.attachment.hidden = true;
  ui.message.placeholder = 'Type a message…';
}

function wireTalk() {
  ui.talk.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    ui.talk.setPointerCapture(event.pointerId);
    startTalking();
  });
  ui.talk.addEventListener('pointerup', () => finishTalking());
  ui.talk.addEventListener('pointercancel', () => cancelTalking());
  ui.talk.addEventListener('contextmenu', (event) => event.preventDefault());
}

function wireKeyboard() {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (ui.health.open) {
        closeHealth();
      } else if (recorder.recording) {
        cancelTalking();
      } else if (chat.canStop) {
        stopSpeech();
      }
    } else if (isTalkKey(event)) {
      event.preventDefault();
      if (!event.repeat) {
        startTalking();
      }
    }
  });
  document.addEventListener('keyup', (event) => {
    if (isTalkKey(event)) {
      event.preventDefault();
      finishTalking();
    }
  });
}

// Space talks anywhere but in the text box and on other controls; Enter too on the talk button itself
function isTalkKey(event) {
  if (event.ctrlKey || event.altKey || event.metaKey) {
    return false;
  }
  if (event.target === ui.talk) {
    return event.key === ' ' || event.key === 'Enter';
  }
  const control = event.target.closest?.('textarea, input, button, summary, a, select');
  return event.key === ' ' && !control;
}

async function startTalking() {
  if (recorder.recording) {
    return;
  }
  const reason = VoiceRecorder.unavailableReason();
  if (reason) {
    notify(reason);
    return;
  }
  player.unlock();
  if (chat.canStop) {
    stopSpeech();
  }
  ui.talk.setAttribute('aria-pressed', 'true');
  ui.talk.setAttribute('aria-label', 'Recording: release to send');
  const started = recorder.start();
  refresh();
  try {
    await started;
  } catch (error) {
    talkReleased();
    notify(microphoneProblem(error));
    refresh();
  }
}

async function finishTalking() {
  if (!recorder.recording) {
    return;
  }
  talkReleased();
  try {
    const recording = await recorder.finish();
    if (recording.durationMs < MIN_RECORDING_MS || recording.chunks.length === 0) {
      notify('Hold the microphone button (or Space) while you speak, then let go.');
      return;
    }
    const seconds = (recording.durationMs / 1000).toFixed(1);
    chat.send({ type: 'audio', chunks: recording.chunks, mimeType: recording.mimeType },
      { kind: 'voice', text: `(${seconds} s)` });
  } catch (error) {
    notify(microphoneProblem(error));
  } finally {
    refresh();
  }
}

function cancelTalking() {
  if (recorder.recording) {
    talkReleased();
    recorder.cancel().finally(refresh);
  }
}

function talkReleased() {
  ui.talk.setAttribute('aria-pressed', 'false');
  ui.talk.setAttribute('aria-label', 'Hold to talk');
}

function stopSpeech() {
  const hadFocus = document.activeElement === ui.stop;
  chat.stop();
  if (hadFocus) {
    ui.message.focus();
  }
}

function microphoneProblem(error) {
  switch (error?.name) {
    case 'NotAllowedError': return 'The microphone is blocked. Allow it in the browser\'s site settings to talk.';
    case 'NotFoundError': return 'No microphone was found.';
    case 'NotReadableError': return 'The microphone is in use by another program.';
    default: return 'The microphone could not be used.';
  }
}

// a problem outside the conversation (microphone, image choice), shown above the composer and read out
function notify(text) {
  clearTimeout(noticeTimer);
  ui.notice.textContent = text;
  ui.notice.hidden = false;
  noticeTimer = setTimeout(() => { ui.notice.hidden = true; }, NOTICE_MS);
}

function refresh() {
  ui.stop.disabled = !chat.canStop;
  ui.avatar.dataset.speaking = String(player.speaking);
  ui.state.textContent = recorder.recording ? 'Listening…'
    : player.speaking ? 'Speaking…'
      : chat.busy ? 'Thinking…' : 'Ready';
}

// the badge: green when the gateway and every service are up, amber when some service is down, red when the
// gateway cannot be reached; its panel lists each service
function showHealth(status) {
  const down = status.services.filter((service) => !service.up).map((service) => serviceLabel(service.name));
  const state = !status.ok ? 'down' : down.length > 0 ? 'degraded' : 'ok';
  ui.health.dataset.state = state;
  $('health-label').textContent = { ok: 'Online', degraded: 'Degraded', down: 'Offline' }[state];
  const summary = !status.ok ? 'the gateway cannot be reached'
    : down.length > 0 ? `${joined(down)} ${down.length === 1 ? 'is' : 'are'} down`
      : status.services.length > 0 ? 'all services are up' : 'the gateway is up';
  const toggle = ui.health.querySelector('summary');
  toggle.setAttribute('aria-label', `Server status: ${summary}`);
  toggle.title = `Server status: ${summary}`;
  $('health-services').replaceChildren(...status.services.map(serviceItem));
  const facts = [['Gateway', status.ok ? 'healthy' : status.problem]];
  if (status.activeConnections !== undefined) {
    facts.push(['Open sockets', String(status.activeConnections)]);
  }
  facts.push(['Checked', status.checkedAt.toLocaleTimeString()]);
  $('health-facts').replaceChildren(...facts.flatMap(([name, value]) => [element('dt', name), element('dd', value)]));
  $('health-note').textContent = status.servicesProblem
    ?? (down.length > 0 ? 'Replies may fail or lack a part until every service is back.' : '');
}

function serviceItem(service) {
  const item = element('li', '');
  item.dataset.service = service.name;
  item.dataset.state = service.up ? 'up' : 'down';
  const dot = element('span', '');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  const state = element('span', service.up ? 'up' : 'down');
  state.className = 'service-state';
  item.append(dot, element('span', serviceLabel(service.name)), state);
  return item;
}

function serviceLabel(name) {
  return SERVICE_LABELS[name] ?? name;
}

function joined(names) {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

// Esc closes the status panel; focus goes back to its toggle only if it was in the panel
function closeHealth() {
  const inside = ui.health.contains(document.activeElement);
  ui.health.open = false;
  if (inside) {
    ui.health.querySelector('summary').focus();
  }
}

function fitMessageBox() {
  ui.message.style.height = 'auto';
  ui.message.style.height = `${ui.message.scrollHeight}px`;
}

function element(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
