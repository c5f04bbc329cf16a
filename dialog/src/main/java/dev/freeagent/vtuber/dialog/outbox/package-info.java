/**
 * The outbox relay: events recorded with each stored turn move from SQLite to the Redis streams
 * {@code events.ltm} and {@code events.analytics}, at least once and never lost.
 */
package dev.freeagent.vtuber.dialog.outbox;
