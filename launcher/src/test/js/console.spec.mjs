// Drives the gateway's web console in Debian's Chromium (headless) as a user would, against a running system.
// Usage: node console.spec.mjs --gateway=<http url> --screenshot=<png path> --second-reply=<text>
//          --speech=<wav file the fake microphone plays> --voice-reply=<text> --image-reply=<text>
// Run by ConsoleBrowserIT, which starts the system with a fake LLM whose first reply is long and slow (so it can be
// stopped in the middle), then the given texts, an HTTP 500 and the image reply. Exits 0 when every check passed.

import assert from 'node:assert/strict';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    gateway: { type: 'string' },
    screenshot: { type: 'string' },
    'second-reply': { type: 'string' },
    speech: { type: 'string' },
    'voice-reply': { type: 'string' },
    'image-reply': { type: 'string' },
  },
});
for (const name of ['gateway', 'screenshot', 'second-reply', 'speech', 'voice-reply', 'image-reply']) {
  if (!args[name]) {
    console.error(`missing --${name}; see the usage at the top of this file`);
    process.exit(2);
  }
}
const gateway = args.gateway;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The longest wait for one expected change on the page. */
const WAIT_MS = 20_000;
/** How long the talk key is held: the speech file plus a margin (the fake microphone plays it once). */
const HOLD_TO_TALK_MS = 3_500;
const STORAGE_KEY = 'vtuber-console.conversation.v1';
/** A 1x1 PNG. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const results = [];

async function check(title, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok ${results.length} - ${title}`);
  } catch (error) {
    results.push(false);
    console.log(`not ok ${results.length} - ${title}\n  ${String(error?.message ?? error).replaceAll('\n', '\n  ')}`);
  }
}

// Runs in the page before its own scripts: records every start/stop of an audio source, and every length the
// latest reply's text had while it was still being written.
function instrument() {
  const audio = { starts: [], stops: 0, active: 0 };
  const growth = [];
  window.__console = { audio, growth };
  const latestReply = () => [...document.querySelectorAll('.message.assistant')].pop();
  const proto = AudioBufferSourceNode.prototype;
  const start = proto.start;
  const stop = proto.stop;
  proto.start = function (...args) {
    const reply = latestReply();
    audio.active += 1;
    audio.starts.push({ at: performance.now(), state: reply?.dataset.state, length: reply?.querySelector('.text')?.textContent.length });
    this.addEventListener('ended', () => { audio.active -= 1; });
    return start.apply(this, args);
  };
  proto.stop = function (...args) {
    audio.stops += 1;
    return stop.apply(this, args);
  };
  const watch = () => new MutationObserver(() => {
    const reply = latestReply();
    if (reply) {
      growth.push({ id: reply.dataset.taskId, state: reply.dataset.state, length: reply.querySelector('.text').textContent.length });
    }
  }).observe(document.getElementById('transcript'), { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('DOMContentLoaded', watch);
}

const lastReply = (page) => page.locator('.message.assistant').last();

async function sendByKeyboard(page, text) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    // a microphone that plays the given file, allowed without a permission prompt
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${args.speech}%noloop`],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 780 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (error) => console.log(`  [page exception] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      console.log(`  [page console] ${message.text()}`);
    }
  });

  await check('/console opens the console (redirected to /console/)', async () => {
    const response = await page.goto(`${gateway}/console`);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/console/');
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message');
  });

  await check('the status badge, opened by keyboard, shows the gateway and all six services healthy', async () => {
    await page.locator('#health[data-state="ok"]').waitFor();
    const toggle = page.locator('#health summary');
    assert.equal(await toggle.getAttribute('aria-label'), 'Server status: all services are up');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#health').evaluate((details) => details.open), true);
    const services = page.getByRole('list', { name: 'Services' }).getByRole('listitem');
    assert.deepEqual(await services.evaluateAll((items) => items.map((i) => `${i.dataset.service} ${i.dataset.state}`)),
      ['gateway up', 'input up', 'output up', 'dialog up', 'ltm up', 'workers up']);
    assert.match(await services.filter({ hasText: 'Long-term memory' }).innerText(), /Long-term memory\s+up/);
    assert.match(await page.locator('#health-facts').innerText(), /Gateway\s+healthy/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#health').evaluate((details) => details.open), false);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
  });

  await check('a typed message is sent with Enter and the reply grows in place', async () => {
    await sendByKeyboard(page, 'My name is Lin.');
    await page.locator('.message.user').last().filter({ hasText: 'My name is Lin.' }).waitFor();
    await page.waitForFunction(() => {
      const lengths = new Set(window.__console.growth
        .filter((g) => g.state === 'streaming' && g.length > 0).map((g) => g.length));
      return lengths.size >= 2;
    });
    assert.equal(await page.locator('.message.assistant').count(), 1, 'one reply bubble, updated in place');
  });

  await check('the reply is heard while it is still being written (first audio chunk plays at once)', async () => {
    await page.waitForFunction(() => window.__console.audio.starts.length > 0);
    const first = await page.evaluate(() => window.__console.audio.starts[0]);
    assert.equal(first.state, 'streaming', `the first chunk started while the reply was ${first.state}`);
    await page.locator('#avatar[data-speaking="true"]').waitFor();
  });

  await check('Stop silences playback at once, and the server confirms with STOP_ACK', async () => {
    const stop = page.getByRole('button', { name: 'Stop the voice' });
    assert.equal(await stop.isEnabled(), true);
    assert.equal(await lastReply(page).getAttribute('data-state'), 'streaming', 'stopped in the middle of the reply');
    await stop.click();
    const clickedAt = await page.evaluate(() => ({ starts: window.__console.audio.starts.length, at: performance.now() }));
    await page.waitForFunction(() => window.__console.audio.active === 0 && window.__console.audio.stops > 0,
      null, { timeout: 1_000 });
    await lastReply(page).locator('.note', { hasText: 'STOP_ACK' }).waitFor();
    await page.locator('.message.assistant[data-state="stopped"]').waitFor();
    const starts = await page.evaluate(() => window.__console.audio.starts.length);
    assert.equal(starts, clickedAt.starts, 'no audio started after the stop');
    assert.equal(await stop.isDisabled(), true);
  });

  await check('after a reload the transcript is restored and the conversation continues', async () => {
    const before = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
    const firstReply = await lastReply(page).locator('.text').innerText();
    await page.reload();
    await page.locator('.message.user', { hasText: 'My name is Lin.' }).waitFor();
    assert.equal(await lastReply(page).locator('.text').innerText(), firstReply);
    await page.getByRole('textbox', { name: 'Message' }).fill('What is my name?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.message.assistant[data-state="done"]').last().waitFor();
    assert.equal(await lastReply(page).locator('.text').innerText(), args['second-reply']);
    const after = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
    assert.equal(after.id, before.id, 'the same conversation id is sent after the reload');
    assert.equal(after.messages.length, 4);
  });

  await check('holding Space records the microphone; the transcript and the reply appear', async () => {
    await page.locator('#avatar[data-speaking="false"]').waitFor();
    await page.locator('#conversation').focus();
    await page.keyboard.down('Space');
    await page.locator('#talk[aria-pressed="true"]').waitFor();
    await page.waitForTimeout(HOLD_TO_TALK_MS);
    await page.keyboard.up('Space');
    await page.locator('.message.user', { hasText: 'Voice message' }).waitFor();
    await page.locator('.message.assistant[data-state="done"]', { hasText: args['voice-reply'] }).waitFor();
    assert.match(await page.locator('.message.user').last().innerText(), /weather/);
  });

  await check('each reply shows its time to first text and first audio, and the gateway health', async () => {
    const meta = lastReply(page).locator('.meta');
    await meta.locator('.timing-gateway', { hasText: 'healthy' }).waitFor();
    assert.match(await meta.locator('.timing-first-text').innerText(), /^first text \d+ ms$/);
    assert.match(await page.locator('.message.assistant').first().locator('.timing-first-audio').innerText(),
      /^first audio \d+ ms$/);
  });

  await check('a screenshot is written', async () => {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: args.screenshot });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: args.screenshot.replace(/\.png$/, '-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await check('a backend failure appears in the conversation in plain words', async () => {
    await sendByKeyboard(page, 'Are you there?');
    const reply = page.locator('.message.assistant[data-state="error"]').last();
    await reply.waitFor();
    assert.match(await reply.locator('.text').innerText(), /^The character could not answer\. .*language model/);
    assert.match(await page.locator('#alerts').innerText(), /^The character could not answer/);
  });

  await check('an image is sent with its optional prompt and answered', async () => {
    await page.locator('#image-input').setInputFiles({
      name: 'dot.png', mimeType: 'image/png', buffer: Buffer.from(DOT_PNG, 'base64'),
    });
    await page.locator('#attachment-name', { hasText: 'dot.png' }).waitFor();
    await sendByKeyboard(page, 'What is this?');
    await page.locator('.message.user img').last().waitFor();
    await page.locator('.message.assistant[data-state="done"]', { hasText: args['image-reply'] }).waitFor();
    assert.equal(await page.locator('#attachment').isHidden(), true);
  });

  await check('the keyboard reaches every control in order', async () => {
    await page.locator('#avatar[data-speaking="false"]').waitFor();
    await page.getByRole('textbox', { name: 'Message' }).focus();
    const order = [];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')));
    }
    assert.deepEqual(order, ['Hold to talk', 'Send'], 'talk, then send (stop is disabled while nothing plays)');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Attach an image');
  });

  await check('a mere tap on the microphone sends nothing and says to hold it', async () => {
    const messages = await page.locator('.message').count();
    await page.getByRole('button', { name: 'Hold to talk' }).click();
    await page.locator('#notice', { hasText: 'Hold the microphone button' }).waitFor();
    assert.equal(await page.locator('.message').count(), messages);
  });

  await check('at phone width nothing overflows and the composer stays on screen', async () => {
    await page.setViewportSize({ width: 375, height: 700 });
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      composerBottom: document.getElementById('composer').getBoundingClientRect().bottom,
    }));
    assert.ok(layout.overflow <= 0, `the page is ${layout.overflow}px wider than the screen`);
    assert.ok(layout.composerBottom <= 700, 'the composer is inside the viewport');
    await page.screenshot({ path: args.screenshot.replace(/\.png$/, '-phone.png') });
  });

  await check('New conversation clears the transcript and takes a new id', async () => {
    const before = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).id, STORAGE_KEY);
    await page.getByRole('button', { name: 'New conversation' }).click();
    assert.equal(await page.locator('.message').count(), 0);
    const after = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
    assert.notEqual(after.id, before);
    assert.equal(after.messages.length, 0);
  });
} finally {
  await browser.close();
}

const failed = results.filter((ok) => !ok).length;
console.log(failed === 0 ? `console spec: all ${results.length} checks passed`
  : `console spec: ${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
