/**
 * Consuming one Redis stream as a member of a consumer group, knowing nothing of what the entries mean:
 * the group is created from the start of the stream, new entries are read with a blocking read on a connection of
 * the consumer's own, entries a dead consumer left pending are reclaimed, entries that keep failing go to the
 * stream's dead-letter stream, and a Redis that is down is waited for with a bounded exponential back-off.
 */
package dev.freeagent.vtuber.workers.stream;
