package dev.freeagent.vtuber.dialog.memory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            memory.remember(ALICE, "task-" + i, "q" + i, "a" + i, TurnEvents.NONE);
        }
        assertThat(memory.recent(ALICE), contains(new MemoryTurn("user", "q2"), new MemoryTurn("assistant", "a2"),
                new MemoryTurn("user", "q3"), new MemoryTurn("assistant", "a3")));
    }

    @Test
    void prunesRowsBeyondTheLimitPerConversation() {
        for (int i = 1; i <= 10; i++) {
            memory.remember(ALICE, "task-" + i, "q" + i, "a" + i, TurnEvents.NONE);
        }
        memory.remember(BOB, "task-b", "bob asks", "bob hears", TurnEvents.NONE);
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
        memory.remember(ALICE, "task-1", "secret of alice", "noted", TurnEvents.NONE);
        assertThat(memory.recent(BOB), is(empty()));
        assertThat(memory.recent(new ConversationKey("alice", "room-2")), is(empty()));
        assertThat(memory.recent(ALICE).size(), is(2));
    }

    @Test
    void storesTrimmedTextAndSkipsBlankMessages() {
        memory.remember(ALICE, "task-1", "  hello  ", "   ", TurnEvents.NONE);
        assertThat(memory.recent(ALICE), contains(new MemoryTurn("user", "hello")));
    }

    @Test
    void numbersTurnsPerConversationAcrossPruning() {
        for (int i = 1; i <= 10; i++) {
            assertThat(memory.remember(ALICE, "task-" + i, "q" + i, "a" + i, TurnEvents.NONE), is(i));
        }
        assertThat(memory.remember(BOB, "task-b", "hi", "hello", TurnEvents.NONE), is(1));
    }

    @Test
    void aTurnAndItsEventsAreStoredTogetherOrNotAtAll() throws Exception {
        TurnEvents failing = turn -> {
            throw new IllegalStateException("event cannot be built");
        };
        assertThrows(IllegalStateException.class, () -> memory.remember(ALICE, "task-1", "q", "a", failing));
        assertThat(memory.recent(ALICE), is(empty()));
        assertThat(outboxRows(), is(empty()));

        memory.remember(ALICE, "task-2", "q", "a", turn -> List.of(new OutboxEvent("LtmWriteRequested", "{\"turn\":"
                + turn + "}")));
        assertThat(memory.recent(ALICE).size(), is(2));
        assertThat(outboxRows(), contains("LtmWriteRequested {\"turn\":1}"));
    }

    @Test
    void withMemorySwitchedOffTurnsAreNotRecalledButTheirEventsAreRecorded() throws Exception {
        try (SqliteShortTermMemory off = SqliteShortTermMemory.open(
                new MemorySettings(false, dir.resolve("off.sqlite"), 4, 6))) {
            int turn = off.remember(ALICE, "task-1", "q", "a", t -> List.of(new OutboxEvent("AnalyticsChatStats", "{}")));
            assertThat(turn, is(1));
            assertThat(off.recent(ALICE), is(empty()));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("off.sqlite"));
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM turns), (SELECT COUNT(*) FROM outbox_events)")) {
            rows.next();
            assertThat(rows.getInt(1), is(0));
            assertThat(rows.getInt(2), is(1));
        }
    }

    private List<String> outboxRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/memory.sqlite"));
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT type, payload FROM outbox_events ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2));
            }
        }
        return rows;
    }

    @Test
    void answersItsReadinessProbe() {
        assertThat(memory.ping(), is(true));
    }
}
