package dev.freeagent.vtuber.ltm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.memory.Memory;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;

/**
 * Exact cosine search in Java over the user's rows of the query's model: one user's memories are few (a
 * thousand vectors of 384 floats compare in well under a millisecond), so no index is needed. Stateless.
 */
final class ExactVectorSearch implements VectorSearch {
    private static final String ROWS = "SELECT id, content, source, session_id, created_at, vector FROM ltm_memories "
            + "WHERE user_id = ? AND model = ? AND dimension = ?";

    @Override
    public List<ScoredMemory> nearest(Connection connection, String userId, Embedding query, int limit,
                                      double minScore) throws SQLException {
        PriorityQueue<ScoredMemory> best = new PriorityQueue<>(Comparator.comparingDouble(ScoredMemory::score));
        try (PreparedStatement select = connection.prepareStatement(ROWS)) {
            select.setString(1, userId);
            select.setString(2, query.model());
            select.setInt(3, query.dimension());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double score = query.cosine(Embedding.fromBytes(query.model(), rows.getBytes(6)));
                    if (score >= minScore && (best.size() < limit || score > best.peek().score())) {
                        best.add(new ScoredMemory(memory(rows), score));
                        if (best.size() > limit) {
                            best.poll();
                        }
                    }
                }
            }
        }
        List<ScoredMemory> ordered = new ArrayList<>(best);
        ordered.sort(Comparator.comparingDouble(ScoredMemory::score).reversed());
        return ordered;
    }

    static Memory memory(ResultSet rows) throws SQLException {
        return new Memory(Long.toString(rows.getLong(1)), rows.getString(2), rows.getString(3), rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5)));
    }

    @Override
    public void indexed(Connection connection, long id, Embedding vector) {
        // the stored bytes are all this search reads
    }

    @Override
    public String description() {
        return "exact search";
    }
}
