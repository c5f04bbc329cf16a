/**
 * The HTTP and WebSocket surface: translates between the wire and the delivery domain.
 */
package dev.freeagent.vtuber.output.web;
