// What the user reads when something goes wrong: plain sentences. The server's own errors are sentences
// already; the few codes the protocol still carries (contract 3.2, 4.1) are translated here.

const UPLOAD_CODES = {
  text_payload_empty: 'The message was empty.',
  text_payload_invalid_utf8: 'The message could not be read as text.',
  audio_payload_empty: 'The recording was empty.',
  image_payload_empty: 'The image file was empty.',
};

const REPLY_CODES = {
  'Processing timeout': 'The reply took too long and was given up.',
  'Redis connection not available': 'The server cannot deliver replies right now: its message store is down.',
  'Invalid response format': 'The server sent a reply it could not read.',
  dialog_engine_failed: 'The character could not answer.',
};

/**
 * Why an upload was refused, from upload_processed's error or a plain-text error frame.
 * @param {string} error
 * @returns {string}
 */
export function uploadFailure(error) {
  const text = String(error ?? '').replace(/^Error:\s*/, '');
  return UPLOAD_CODES[text] ?? `The server did not accept the message. ${sentence(text)}`.trim();
}

/**
 * Why a reply failed, from the output socket's error frame.
 * @param {string} error
 * @returns {string}
 */
export function replyFailure(error) {
  const text = String(error ?? '');
  return REPLY_CODES[text] ?? `The character could not answer. ${sentence(text)}`.trim();
}

/**
 * Why a socket ended before the turn did.
 * @param {'input'|'output'} side which socket
 * @param {CloseEvent|undefined} close its close event, when it closed
 * @returns {string}
 */
export function connectionFailure(side, close) {
  if (close?.code === 1011 && close.reason.startsWith('Proxy error')) {
    return side === 'input'
      ? 'The gateway is up, but the service that takes messages is not reachable.'
      : 'The gateway is up, but the service that delivers replies is not reachable.';
  }
  if (close === undefined) {
    return 'The server could not be reached. Check that it is running, then try again.';
  }
  return side === 'input'
    ? 'The connection broke while the message was being sent. Please try again.'
    : 'The connection broke before the reply was complete.';
}

/** The server did not answer in time. */
export function timedOut(what) {
  return `The server did not answer in time (${what}). Please try again.`;
}

// Codes with underscores read better as words; sentences stay as they are.
function sentence(text) {
  if (!text) {
    return '';
  }
  const words = /^[a-z0-9_:.-]+$/i.test(text) ? text.replaceAll('_', ' ') : text;
  const capital = words.charAt(0).toUpperCase() + words.slice(1);
  return /[.!?。！？]$/.test(capital) ? capital : `${capital}.`;
}
