package dev.freeagent.vtuber.dialog.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connections to the dialog's SQLite file (WAL, synchronous=NORMAL, busy_timeout) behind a one-connection Hikari
 * pool: sqlite-jdbc runs through JNI and pins its carrier thread, so one connection keeps at most one carrier busy,
 * and SQLite serialises writers anyway. Short-term memory and the outbox relay each own one pool on the same file.
 */
public final class SqliteFile {
    private SqliteFile() {
    }

    /**
     * Opens a pool, creating the file's folder when missing.
     *
     * @param file the database file
     * @param name the pool's name (in logs and metrics)
     * @return the pool; the caller closes it
     */
    public static HikariDataSource pool(Path file, String name) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("dialog.memory.db-path: cannot create the folder of " + absolute, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:sqlite:" + absolute);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "5000");
        return new HikariDataSource(config);
    }
}
