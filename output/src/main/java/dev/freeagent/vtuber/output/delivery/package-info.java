/**
 * Delivering each task's result to the client socket that waits for it: the Redis subscription per
 * socket, the durable copy, the wait timeout, the translation of contract §4.2 and legacy file audio.
 */
package dev.freeagent.vtuber.output.delivery;
