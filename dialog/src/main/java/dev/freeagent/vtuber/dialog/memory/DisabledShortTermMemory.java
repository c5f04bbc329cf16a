package dev.freeagent.vtuber.dialog.memory;

import java.util.List;

/**
 * Short-term memory and the outbox both switched off ({@code dialog.memory.enabled=false},
 * {@code dialog.outbox.enabled=false}): remembers nothing, records no events.
 */
public final class DisabledShortTermMemory implements ShortTermMemory {
    @Override
    public List<MemoryTurn> recent(ConversationKey key) {
        return List.of();
    }

    @Override
    public int remember(ConversationKey key, String taskId, String userText, String reply, TurnEvents events) {
        return 0;
    }

    @Override
    public boolean ping() {
        return true;
    }

    @Override
    public void close() {
    }
}
