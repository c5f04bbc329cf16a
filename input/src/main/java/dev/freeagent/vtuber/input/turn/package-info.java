/**
 * One turn per task in the background: the call into dialog over gRPC and the publication of its result in Redis.
 */
package dev.freeagent.vtuber.input.turn;
