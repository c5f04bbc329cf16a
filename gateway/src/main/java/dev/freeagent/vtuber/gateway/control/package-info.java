/**
 * {@code POST /control/stop} (contract §2.2): barge-in, forwarded to output's {@code OutputControl.Stop} over gRPC.
 */
package dev.freeagent.vtuber.gateway.control;
