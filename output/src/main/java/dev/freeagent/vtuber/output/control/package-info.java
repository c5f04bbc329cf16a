/**
 * Barge-in: stopping the speech a session is hearing, and the gRPC {@code OutputControl} API for it.
 */
package dev.freeagent.vtuber.output.control;
