package dev.freeagent.vtuber.dialog.memory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Short-term memory and the outbox in one SQLite file ({@link SqliteFile}), so that a turn and its events are
 * written in one transaction. With {@code dialog.memory.enabled=false} turns are numbered and their events
 * recorded, but their messages are neither stored nor recalled. Thread-safe; close it.
 */
public final class SqliteShortTermMemory implements ShortTermMemory {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS turns(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              conversation_id TEXT NOT NULL,
              user_id TEXT NOT NULL,
              role TEXT NOT NULL,
              text TEXT NOT NULL,
              task_id TEXT,
              created_at INTEGER NOT NULL)""";
    private static final String INDEX =
            "CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns(user_id, conversation_id, id)";
    // turn numbers survive pruning: they count every turn a conversation ever had
    private static final String CONVERSATIONS = """
            CREATE TABLE IF NOT EXISTS conversations(
              user_id TEXT NOT NULL,
              conversation_id TEXT NOT NULL,
              turns INTEGER NOT NULL,
              PRIMARY KEY(user_id, conversation_id))""";
    private static final String OUTBOX = """
            CREATE TABLE IF NOT EXISTS outbox_events(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              type TEXT NOT NULL,
              payload TEXT NOT NULL,
              created_at INTEGER NOT NULL,
              delivered_at INTEGER)""";
    private static final String OUTBOX_INDEX =
            "CREATE INDEX IF NOT EXISTS outbox_pending ON outbox_events(delivered_at, id)";
    private static final String NEXT_TURN = "INSERT INTO conversations(user_id, conversation_id, turns) "
            + "VALUES (?, ?, 1) ON CONFLICT(user_id, conversation_id) DO UPDATE SET turns = turns + 1 RETURNING turns";
    private static final String INSERT_EVENT =
            "INSERT INTO outbox_events(type, payload, created_at) VALUES (?, ?, ?)";
    private static final String RECENT = "SELECT role, text FROM turns WHERE user_id = ? AND conversation_id = ? "
            + "ORDER BY id DESC LIMIT ?";
    private static final String INSERT = "INSERT INTO turns(conversation_id, user_id, role, text, task_id, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String PRUNE = "DELETE FROM turns WHERE user_id = ? AND conversation_id = ? AND id <= "
            + "(SELECT id FROM turns WHERE user_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)";

    private final HikariDataSource pool;
    private final MemorySettings settings;

    private SqliteShortTermMemory(HikariDataSource pool, MemorySettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /**
     * Opens (and creates when missing) the database file and its schema.
     *
     * @param settings where and how much
     * @return the store
     */
    public static SqliteShortTermMemory open(MemorySettings settings) {
        HikariDataSource pool = SqliteFile.pool(settings.dbPath(), "dialog-memory");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : List.of(SCHEMA, INDEX, CONVERSATIONS, OUTBOX, OUTBOX_INDEX)) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("dialog.memory.db-path: cannot create the schema in "
                    + settings.dbPath().toAbsolutePath(), e);
        }
        return new SqliteShortTermMemory(pool, settings);
    }

    @Override
    public List<MemoryTurn> recent(ConversationKey key) {
        if (!settings.enabled() || settings.contextTurns() == 0) {
            return List.of();
        }
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(RECENT)) {
            select.setString(1, key.userId());
            select.setString(2, key.conversationId());
            select.setInt(3, settings.contextTurns());
            List<MemoryTurn> turns = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    turns.add(new MemoryTurn(rows.getString(1), rows.getString(2)));
                }
            }
            Collections.reverse(turns);
            return turns;
        } catch (SQLException e) {
            throw new MemoryUnavailableException("cannot read short-term memory", e);
        }
    }

    @Override
    public int remember(ConversationKey key, String taskId, String userText, String reply, TurnEvents events) {
        String user = userText == null ? "" : userText.trim();
        String assistant = reply == null ? "" : reply.trim();
        if (user.isEmpty() && assistant.isEmpty()) {
            return 0;
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int turn = nextTurn(connection, key);
                if (settings.enabled()) {
                    insert(connection, key, taskId, "user", user);
                    insert(connection, key, taskId, "assistant", assistant);
                    prune(connection, key);
                }
                record(connection, events.of(turn));
                connection.commit();
                return turn;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MemoryUnavailableException("cannot write short-term memory", e);
        }
    }

    private static int nextTurn(Connection connection, ConversationKey key) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(NEXT_TURN)) {
            next.setString(1, key.userId());
            next.setString(2, key.conversationId());
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void record(Connection connection, List<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            long now = System.currentTimeMillis() / 1000;
            for (OutboxEvent event : events) {
                insert.setString(1, event.type());
                insert.setString(2, event.payload());
                insert.setLong(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insert(Connection connection, ConversationKey key, String taskId, String role, String text)
            throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key.conversationId());
            insert.setString(2, key.userId());
            insert.setString(3, role);
            insert.setString(4, text);
            insert.setString(5, taskId);
            insert.setLong(6, System.currentTimeMillis() / 1000);
            insert.executeUpdate();
        }
    }

    private void prune(Connection connection, ConversationKey key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(PRUNE)) {
            delete.setString(1, key.userId());
            delete.setString(2, key.conversationId());
            delete.setString(3, key.userId());
            delete.setString(4, key.conversationId());
            delete.setInt(5, settings.maxRows());
            delete.executeUpdate();
        }
    }

    @Override
    public boolean ping() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
