package dev.freeagent.vtuber.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * What the system has stored, read straight from its SQLite files under the data folder: dialog's outbox
 * ({@code dialog_memory.sqlite}) and ltm's memories ({@code ltm.sqlite}). Each call opens a short read of its own.
 *
 * @param dataDir the system's data folder
 */
record StoredState(Path dataDir) {
    private static final String WRITE_REQUESTS = "SELECT payload FROM outbox_events WHERE type = 'LtmWriteRequested'";
    private static final String UNDELIVERED = "SELECT COUNT(*) FROM outbox_events WHERE delivered_at IS NULL";
    private static final String MEMORIES = "SELECT user_id, content, COUNT(*) FROM ltm_memories GROUP BY user_id, content";

    /**
     * One user's fact.
     *
     * @param user the user id
     * @param text the fact as ltm stores it
     */
    record Fact(String user, String text) {
    }

    /**
     * What every {@code LtmWriteRequested} event in dialog's outbox asks to remember, delivered or not: the user and
     * the user's text without its full stop (the fact ltm's first-person rule keeps).
     *
     * @return one fact per event, in outbox order
     */
    List<Fact> requestedFacts() {
        List<Fact> facts = new ArrayList<>();
        query(dialogFile(), WRITE_REQUESTS, rows -> {
            JsonNode event = Json.parse(rows.getString(1));
            facts.add(new Fact(event.path("userId").asText(), event.path("payload").path("text").asText()
                    .replaceAll("\\.+$", "")));
        });
        return facts;
    }

    /**
     * Outbox rows not relayed to Redis yet.
     *
     * @return the count
     */
    long undeliveredOutboxRows() {
        long[] count = {0};
        query(dialogFile(), UNDELIVERED, rows -> count[0] = rows.getLong(1));
        return count[0];
    }

    /**
     * How many times ltm stores each fact (of every user).
     *
     * @return the count per fact; empty before ltm stored anything
     */
    Map<Fact, Long> memories() {
        Map<Fact, Long> counts = new HashMap<>();
        if (Files.exists(ltmFile())) {
            query(ltmFile(), MEMORIES, rows -> counts.put(new Fact(rows.getString(1), rows.getString(2)), rows.getLong(3)));
        }
        return counts;
    }

    private Path dialogFile() {
        return dataDir.resolve("dialog_memory.sqlite");
    }

    private Path ltmFile() {
        return dataDir.resolve("ltm.sqlite");
    }

    private static void query(Path file, String sql, Row row) {
        Properties properties = new Properties();
        // both files are in WAL mode, where a reader only waits for a checkpoint, and not long
        properties.setProperty("busy_timeout", "5000");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                row.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }
}
