package dev.freeagent.vtuber.ltm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.memory.Memory;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;
import dev.freeagent.vtuber.ltm.memory.NewMemory;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;
import dev.freeagent.vtuber.ltm.memory.StaleMemory;
import dev.freeagent.vtuber.ltm.memory.StoreUnavailableException;
import dev.freeagent.vtuber.ltm.memory.WriteOutcome;

/**
 * A {@link MemoryStore} over JDBC; the SQL is the common subset of SQLite and PostgreSQL, and the database
 * specifics (schema, pool, search) are set up by {@link MemoryStores}. Thread-safe; close it to close the pool.
 */
final class JdbcMemoryStore implements MemoryStore {
    private static final String WRITTEN = "SELECT 1 FROM ltm_writes WHERE user_id = ? AND correlation_id = ?";
    private static final String CLAIM = "INSERT INTO ltm_writes(user_id, correlation_id, created_at) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String INSERT = "INSERT INTO ltm_memories(user_id, content, source, session_id, model, "
            + "dimension, vector, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String RECENT = "SELECT id, content, source, session_id, created_at FROM ltm_memories "
            + "WHERE user_id = ? ORDER BY id DESC LIMIT ?";
    private static final String FORGET_MEMORIES = "DELETE FROM ltm_memories WHERE user_id = ?";
    private static final String FORGET_WRITES = "DELETE FROM ltm_writes WHERE user_id = ?";
    private static final String FORGET_PROFILE = "DELETE FROM ltm_profiles WHERE user_id = ?";
    private static final String PROFILE = "SELECT updates FROM ltm_profiles WHERE user_id = ?";
    private static final String SAVE_PROFILE = "INSERT INTO ltm_profiles(user_id, updates, updated_at) VALUES (?, ?, ?) "
            + "ON CONFLICT(user_id) DO UPDATE SET updates = excluded.updates, updated_at = excluded.updated_at";
    private static final String STALE = "SELECT id, content FROM ltm_memories WHERE model <> ? ORDER BY id LIMIT ?";
    private static final String REPLACE = "UPDATE ltm_memories SET model = ?, dimension = ?, vector = ? WHERE id = ?";

    private final HikariDataSource pool;
    private final VectorSearch search;
    private final String description;

    JdbcMemoryStore(HikariDataSource pool, VectorSearch search, String database) {
        this.pool = pool;
        this.search = search;
        this.description = database + " (" + search.description() + ")";
    }

    @Override
    public boolean written(String userId, String correlationId) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(WRITTEN)) {
            select.setString(1, userId);
            select.setString(2, correlationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public WriteOutcome write(String userId, String correlationId, List<NewMemory> memories, double duplicateThreshold) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                WriteOutcome outcome = correlationId.isEmpty() || claim(connection, userId, correlationId)
                        ? new WriteOutcome(insertNew(connection, userId, memories, duplicateThreshold), false)
                        : WriteOutcome.repeated();
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable("write", e);
        }
    }

    private static boolean claim(Connection connection, String userId, String correlationId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, userId);
            insert.setString(2, correlationId);
            insert.setLong(3, System.currentTimeMillis());
            return insert.executeUpdate() == 1;
        }
    }

    private List<Memory> insertNew(Connection connection, String userId, List<NewMemory> memories, double threshold)
            throws SQLException {
        List<Memory> stored = new ArrayList<>();
        for (NewMemory memory : memories) {
            // rows inserted earlier in this transaction are seen, so a batch holds no near-duplicates either
            if (search.nearest(connection, userId, memory.embedding(), 1, threshold).isEmpty()) {
                stored.add(insert(connection, userId, memory));
            }
        }
        return stored;
    }

    private Memory insert(Connection connection, String userId, NewMemory memory) throws SQLException {
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        long id;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, userId);
            insert.setString(2, memory.content());
            insert.setString(3, memory.source());
            insert.setString(4, memory.sessionId());
            insert.setString(5, memory.embedding().model());
            insert.setInt(6, memory.embedding().dimension());
            insert.setBytes(7, memory.embedding().toBytes());
            insert.setLong(8, now.toEpochMilli());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        search.indexed(connection, id, memory.embedding());
        return new Memory(Long.toString(id), memory.content(), memory.source(), memory.sessionId(), now);
    }

    @Override
    public List<ScoredMemory> search(String userId, Embedding query, int limit, double minScore) {
        try (Connection connection = pool.getConnection()) {
            return search.nearest(connection, userId, query, limit, minScore);
        } catch (SQLException e) {
            throw unavailable("search", e);
        }
    }

    @Override
    public List<Memory> recent(String userId, int limit) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(RECENT)) {
            select.setString(1, userId);
            select.setInt(2, limit);
            List<Memory> memories = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    memories.add(ExactVectorSearch.memory(rows));
                }
            }
            return memories;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public long forget(String userId) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long deleted = delete(connection, FORGET_MEMORIES, userId);
                delete(connection, FORGET_WRITES, userId);
                delete(connection, FORGET_PROFILE, userId);
                connection.commit();
                return deleted;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable("delete", e);
        }
    }

    private static int delete(Connection connection, String sql, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        }
    }

    @Override
    public Optional<String> profileUpdates(String userId) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(PROFILE)) {
            select.setString(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void saveProfileUpdates(String userId, String json) {
        try (Connection connection = pool.getConnection();
             PreparedStatement upsert = connection.prepareStatement(SAVE_PROFILE)) {
            upsert.setString(1, userId);
            upsert.setString(2, json);
            upsert.setLong(3, System.currentTimeMillis());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("write", e);
        }
    }

    @Override
    public List<StaleMemory> stale(String model, int limit) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(STALE)) {
            select.setString(1, model);
            select.setInt(2, limit);
            List<StaleMemory> stale = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(new StaleMemory(Long.toString(rows.getLong(1)), rows.getString(2)));
                }
            }
            return stale;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void replaceVectors(List<String> ids, List<Embedding> vectors) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(REPLACE)) {
                for (int i = 0; i < ids.size(); i++) {
                    long id = Long.parseLong(ids.get(i));
                    Embedding vector = vectors.get(i);
                    update.setString(1, vector.model());
                    update.setInt(2, vector.dimension());
                    update.setBytes(3, vector.toBytes());
                    update.setLong(4, id);
                    update.executeUpdate();
                    search.indexed(connection, id, vector);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable("write", e);
        }
    }

    @Override
    public boolean ping() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return description;
    }

    private StoreUnavailableException unavailable(String action, SQLException e) {
        return new StoreUnavailableException("The memory store (" + description + ") could not " + action + ".", e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
