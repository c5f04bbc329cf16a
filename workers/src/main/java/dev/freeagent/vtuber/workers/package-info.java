/**
 * The workers service: {@link dev.freeagent.vtuber.workers.Main} wires a consumer per stream ({@code events.ltm},
 * {@code events.analytics}) to its effects, and serves health, analytics and metrics.
 */
package dev.freeagent.vtuber.workers;
