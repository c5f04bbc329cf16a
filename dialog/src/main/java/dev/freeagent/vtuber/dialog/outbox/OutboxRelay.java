package dev.freeagent.vtuber.dialog.outbox;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.dialog.memory.SqliteFile;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Moves outbox rows to their Redis streams, oldest first, on its own virtual thread: {@code XADD <stream> MAXLEN ~
 * N * type <type> payload <envelope>}, then marks the rows delivered. It starts whether or not Redis is up; while
 * Redis is down the rows wait and the relay backs off (doubling up to a maximum); nothing is lost. A crash between
 * XADD and the mark re-sends a row (at-least-once; consumers are idempotent by correlation id). Delivered rows are
 * deleted after the retention period.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final String PENDING = "SELECT id, type, payload FROM outbox_events WHERE delivered_at IS NULL "
            + "ORDER BY id LIMIT ?";
    private static final String MARK = "UPDATE outbox_events SET delivered_at = ? WHERE delivered_at IS NULL AND id <= ?";
    private static final String PURGE = "DELETE FROM outbox_events WHERE delivered_at IS NOT NULL AND delivered_at < ?";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final String COUNT_PENDING = "SELECT COUNT(*) FROM outbox_events WHERE delivered_at IS NULL";

    private final HikariDataSource pool;
    private final RedisLink redis;
    private final OutboxSettings settings;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private final Thread thread;
    // the relay thread's own connection, so a batch can be pipelined without holding up other commands
    private StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    private long nextPurge;

    private OutboxRelay(HikariDataSource pool, RedisLink redis, OutboxSettings settings) {
        this.pool = pool;
        this.redis = redis;
        this.settings = settings;
        this.thread = Thread.ofVirtual().name("outbox-relay").unstarted(this::run);
    }

    /**
     * Starts relaying the outbox of a database file (whose schema short-term memory has created).
     *
     * @param file the dialog's SQLite file
     * @param redis the Redis link (owned by the caller)
     * @param settings how often and where
     * @return the running relay; close it
     */
    public static OutboxRelay start(Path file, RedisLink redis, OutboxSettings settings) {
        OutboxRelay relay = new OutboxRelay(SqliteFile.pool(file, "dialog-outbox"), redis, settings);
        relay.thread.start();
        return relay;
    }

    /**
     * Asks the relay to look for new rows now instead of at the end of its pause.
     */
    public void wake() {
        wake.release();
    }

    /**
     * Rows relayed since the start.
     *
     * @return the count
     */
    public long relayed() {
        return relayed.get();
    }

    /**
     * Rows waiting to be relayed.
     *
     * @return the count
     * @throws IllegalStateException when the database cannot be read
     */
    public long pending() {
        try (Connection connection = pool.getConnection();
             PreparedStatement count = connection.prepareStatement(COUNT_PENDING);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }

    private void run() {
        Duration pause = settings.flushInterval();
        while (!closed) {
            try {
                int moved = relayBatch();
                purgeWhenDue();
                pause = settings.flushInterval();
                if (moved == settings.batchSize()) {
                    continue;
                }
            } catch (RuntimeException | SQLException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "outbox rows wait: " + e.getMessage() + "; next attempt in " + pause.toMillis()
                        + " ms");
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : pause.multipliedBy(2);
                continue;
            }
            pause(settings.flushInterval());
        }
    }

    private int relayBatch() throws SQLException {
        List<Row> rows = pending(settings.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        // pipelined: every XADD of the batch is sent before the first answer is awaited
        RedisAsyncCommands<String, String> async = connection().async();
        List<RedisFuture<String>> sent = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sent.add(async.xadd(settings.streamOf(row.type()),
                    XAddArgs.Builder.maxlen(settings.streamMaxLength()).approximateTrimming(),
                    Map.of("type", row.type(), "payload", row.payload())));
        }
        long lastDelivered = -1;
        try {
            for (int i = 0; i < rows.size(); i++) {
                sent.get(i).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                lastDelivered = rows.get(i).id();
                relayed.incrementAndGet();
            }
        } catch (ExecutionException | TimeoutException e) {
            dropConnection();
            throw new IllegalStateException("Redis did not take the events: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (lastDelivered >= 0) {
                mark(lastDelivered);
            }
        }
        return rows.size();
    }

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null || !connection.isOpen()) {
            dropConnection();
            connection = redis.dedicatedConnection();
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private List<Row> pending(int limit) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(PENDING)) {
            select.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3)));
                }
            }
            return rows;
        }
    }

    private void mark(long lastDelivered) throws SQLException {
        // rows are relayed in id order and stop at the first failure, so the delivered ones are exactly the
        // pending rows up to the last delivered id
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement(MARK)) {
            update.setLong(1, System.currentTimeMillis() / 1000);
            update.setLong(2, lastDelivered);
            update.executeUpdate();
        }
    }

    private void purgeWhenDue() throws SQLException {
        long now = System.currentTimeMillis();
        if (now < nextPurge) {
            return;
        }
        nextPurge = now + Math.min(settings.retention().toMillis(), Duration.ofMinutes(10).toMillis());
        try (Connection connection = pool.getConnection();
             PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setLong(1, (now - settings.retention().toMillis()) / 1000);
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.log(Level.DEBUG, "purged " + purged + " delivered outbox rows");
            }
        }
    }

    private void pause(Duration duration) {
        try {
            if (wake.tryAcquire(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        wake.release();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropConnection();
        pool.close();
    }

    private record Row(long id, String type, String payload) {
    }
}
