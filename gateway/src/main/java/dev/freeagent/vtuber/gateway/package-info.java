/**
 * The public gateway (contract §2): the only entry a client talks to. {@link dev.freeagent.vtuber.gateway.Main}
 * wires the WebSocket proxy ({@code proxy}), STOP forwarding ({@code control}) and the status routes
 * ({@code web}).
 */
package dev.freeagent.vtuber.gateway;
