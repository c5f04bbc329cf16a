package dev.freeagent.vtuber.dialog.memory;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class SqliteShortTermMemoryTest {
    private static final ConversationKey ALICE = new ConversationKey("alice", "room-1");
    private static final ConversationKey BOB = new ConversationKey("bob", "room-1");

    @TempDir
    Path dir;
    private SqliteShortTermMemory memory;

    @BeforeEach
    void open() {
        memory = SqliteShortTermMemory.open(new MemorySettings(true, dir.resolve("sub/memory.sqlite"), 4, 6));
    }

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void returnsTheNewestMessagesOldestFirst() {
        for (int i = 1; i <= 3; i++) {
            memory.remember(ALICE, "task-" + i, "q" + i, "a" + i);
        }
        assertThat(memory.recent(ALICE), contains(new MemoryTurn("user", "q2"), new MemoryTurn("assistant", "a2"),
                new MemoryTurn("user", "q3"), new MemoryTurn("assistant", "a3")));
    }

    @Test
    void prunesRowsBeyondTheLimitPerConversation() {
        for (int i = 1; i <= 10; i++) {
            memory.remember(ALICE, "task-" + i, "q" + i, "a" + i);
        }
        memory.remember(BOB, "task-b", "bob asks", "bob hears");
        try (SqliteShortTermMemory wide = SqliteShortTermMemory.open(
                new MemorySettings(true, dir.resolve("sub/memory.sqlite"), 100, 100))) {
            List<MemoryTurn> kept = wide.recent(ALICE);
            assertThat(kept.size(), is(6));
            assertThat(kept.getFirst(), is(new MemoryTurn("user", "q8")));
            assertThat(wide.recent(BOB).size(), is(2));
        }
    }

    @Test
    void scopesMemoryByUserAndConversation() {
        memory.remember(ALICE, "task-1", "secret of alice", "noted");
        assertThat(memory.recent(BOB), is(empty()));
        assertThat(memory.recent(new ConversationKey("alice", "room-2")), is(empty()));
        assertThat(memory.recent(ALICE).size(), is(2));
    }

    @Test
    void storesTrimmedTextAndSkipsBlankMessages() {
        memory.remember(ALICE, "task-1", "  hello  ", "   ");
        assertThat(memory.recent(ALICE), contains(new MemoryTurn("user", "hello")));
    }

    @Test
    void answersItsReadinessProbe() {
        assertThat(memory.ping(), is(true));
    }
}
