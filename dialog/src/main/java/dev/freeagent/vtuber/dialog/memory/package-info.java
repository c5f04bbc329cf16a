/**
 * Short-term memory: the recent messages of each conversation, kept in SQLite and scoped by
 * (user id, conversation id), so two users never see each other's turns.
 */
package dev.freeagent.vtuber.dialog.memory;
