/**
 * What lets several dialog replicas serve one conversation: its recent messages shared through Redis.
 */
package dev.freeagent.vtuber.dialog.replica;
