package dev.freeagent.vtuber.dialog.turn;

import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.dialog.memory.ConversationKey;

/**
 * Striped locks that order a turn's memory write before the next turn's memory read in the same conversation:
 * the write happens after the client already saw the reply, so a quick client could otherwise send its next
 * message before the previous turn is stored. Thread-safe.
 */
final class ConversationLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ConversationLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(ConversationKey key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
