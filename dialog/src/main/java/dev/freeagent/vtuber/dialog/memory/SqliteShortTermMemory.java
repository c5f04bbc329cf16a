package dev.freeagent.vtuber.dialog.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Short-term memory in a SQLite file (WAL, synchronous=NORMAL, busy_timeout) behind a one-connection Hikari
 * pool: sqlite-jdbc runs through JNI and pins its carrier thread, so one connection keeps at most one carrier
 * busy, and SQLite serialises writers anyway. Thread-safe; close it.
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
        Path file = settings.dbPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("dialog.memory.db-path: cannot create the folder of " + file, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("dialog-memory");
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "5000");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
            statement.execute(INDEX);
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("dialog.memory.db-path: cannot create the schema in " + file, e);
        }
        return new SqliteShortTermMemory(pool, settings);
    }

    @Override
    public List<MemoryTurn> recent(ConversationKey key) {
        if (settings.contextTurns() == 0) {
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
    public void remember(ConversationKey key, String taskId, String userText, String reply) {
        String user = userText == null ? "" : userText.trim();
        String assistant = reply == null ? "" : reply.trim();
        if (user.isEmpty() && assistant.isEmpty()) {
            return;
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, key, taskId, "user", user);
                insert(connection, key, taskId, "assistant", assistant);
                prune(connection, key);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MemoryUnavailableException("cannot write short-term memory", e);
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
