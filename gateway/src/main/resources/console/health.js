// Asks the gateway now and then, and after each turn, whether it is up (GET /health) and whether each service
// behind it is (GET /health/services: only "up" or "down" per service; the gateway asks their readiness with a
// short timeout and reuses its answer for a moment, so many open consoles cost the services little).

/** How often the status is refreshed while the page is open. */
const CHECK_INTERVAL_MS = 15_000;
/** The longest wait for one answer. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * @typedef {object} ServiceState
 * @property {string} name the gateway's name for it (gateway, input, output, dialog, ltm, workers)
 * @property {boolean} up
 */

/**
 * @typedef {object} Health
 * @property {boolean} ok the gateway answered and said "ok"
 * @property {number} [activeConnections]
 * @property {ServiceState[]} services each service, in the gateway's order; empty when unknown
 * @property {string} [servicesProblem] why the services' states are unknown, in words
 * @property {Date} checkedAt
 * @property {string} [problem] why the gateway is not ok, in words
 */

export class HealthMonitor {
  #gatewayUrl;
  #servicesUrl;
  #onChange;

  /**
   * @param {{gateway: string, services: string}} urls the gateway's /health and /health/services
   * @param {(health: Health) => void} onChange called after every check
   */
  constructor(urls, onChange) {
    this.#gatewayUrl = urls.gateway;
    this.#servicesUrl = urls.services;
    this.#onChange = onChange;
  }

  start() {
    this.check();
    setInterval(() => this.check(), CHECK_INTERVAL_MS);
  }

  /** @returns {Promise<Health>} */
  async check() {
    const checkedAt = new Date();
    const [gateway, services] = await Promise.all([this.#checkGateway(), this.#checkServices()]);
    const health = { ...gateway, ...services, checkedAt };
    this.#onChange(health);
    return health;
  }

  async #checkGateway() {
    try {
      const response = await get(this.#gatewayUrl);
      const body = await response.json();
      const ok = response.ok && body.status === 'ok';
      return {
        ok,
        activeConnections: body.active_connections,
        problem: ok ? undefined : `The gateway answered HTTP ${response.status} with status "${body.status}".`,
      };
    } catch {
      return { ok: false, problem: 'The gateway cannot be reached.' };
    }
  }

  async #checkServices() {
    try {
      const response = await get(this.#servicesUrl);
      const body = await response.json();
      if (!response.ok || typeof body.services !== 'object' || body.services === null) {
        return { services: [], servicesProblem: 'The gateway did not say how the services are.' };
      }
      return { services: Object.entries(body.services).map(([name, state]) => ({ name, up: state === 'up' })) };
    } catch {
      return { services: [], servicesProblem: 'The services\' health could not be read.' };
    }
  }
}

function get(url) {
  return fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
}
