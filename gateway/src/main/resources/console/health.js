// Asks the gateway's GET /health now and then, and after each turn. The gateway reports only itself (and
// the addresses of the services behind it); it does not relay their health, so the console says so.

/** How often the status is refreshed while the page is open. */
const CHECK_INTERVAL_MS = 15_000;
/** The longest wait for one answer. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * @typedef {object} Health
 * @property {boolean} ok the gateway answered and said "ok"
 * @property {number} [activeConnections]
 * @property {string[]} services the services the gateway names behind it
 * @property {Date} checkedAt
 * @property {string} [problem] why it is not ok, in words
 */

export class HealthMonitor {
  #url;
  #onChange;

  /**
   * @param {string} url the gateway's /health
   * @param {(health: Health) => void} onChange called after every check
   */
  constructor(url, onChange) {
    this.#url = url;
    this.#onChange = onChange;
  }

  start() {
    this.check();
    setInterval(() => this.check(), CHECK_INTERVAL_MS);
  }

  /** @returns {Promise<Health>} */
  async check() {
    const checkedAt = new Date();
    let health;
    try {
      const response = await fetch(this.#url, { cache: 'no-store', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      const body = await response.json();
      const ok = response.ok && body.status === 'ok';
      health = {
        ok,
        activeConnections: body.active_connections,
        services: Object.keys(body.backend_services ?? {}),
        checkedAt,
        problem: ok ? undefined : `The gateway answered HTTP ${response.status} with status "${body.status}".`,
      };
    } catch {
      health = { ok: false, services: [], checkedAt, problem: 'The gateway cannot be reached.' };
    }
    this.#onChange(health);
    return health;
  }
}
