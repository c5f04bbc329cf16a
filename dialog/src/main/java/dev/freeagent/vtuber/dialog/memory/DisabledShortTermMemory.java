package dev.freeagent.vtuber.dialog.memory;

import java.util.List;

/**
 * Short-term memory switched off ({@code dialog.memory.enabled=false}): remembers nothing.
 */
public final class DisabledShortTermMemory implements ShortTermMemory {
    @Override
    public List<MemoryTurn> recent(ConversationKey key) {
        return List.of();
    }

    @Override
    public void remember(ConversationKey key, String taskId, String userText, String reply) {
    }

    @Override
    public boolean ping() {
        return true;
    }

    @Override
    public void close() {
    }
}
