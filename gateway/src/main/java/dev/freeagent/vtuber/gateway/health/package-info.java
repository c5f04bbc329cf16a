/**
 * Whether each service of the system is up, as {@code GET /health/services} reports it: every service's readiness
 * endpoint asked in parallel with a short timeout, and the answer reused for a short time so that many consoles
 * do not multiply the checks. Only up or down leaves this package: never a service's body, address or error.
 */
package dev.freeagent.vtuber.gateway.health;
