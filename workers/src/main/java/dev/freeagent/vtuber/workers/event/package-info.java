/**
 * The outbox events of contract §5.7 as they arrive in a stream entry (fields {@code type} and {@code payload},
 * the payload being the JSON envelope), and their dispatch by type to the effect that acts on them.
 */
package dev.freeagent.vtuber.workers.event;
