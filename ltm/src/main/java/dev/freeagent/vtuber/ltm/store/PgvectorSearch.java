package dev.freeagent.vtuber.ltm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;

/**
 * Search inside PostgreSQL with the pgvector extension: each row also holds its vector in an {@code embedding
 * vector} column, and the database orders the user's rows of the query's model and dimension by cosine
 * distance ({@code <=>}). The column has no fixed dimension because a store may hold vectors of two models while
 * it is re-embedded, so the search is exact (no ANN index) but runs next to the data. Stateless.
 */
final class PgvectorSearch implements VectorSearch {
    private static final String NEAREST = "SELECT id, content, source, session_id, created_at, "
            + "1 - (embedding <=> CAST(? AS vector)) AS score FROM ltm_memories "
            + "WHERE user_id = ? AND model = ? AND dimension = ? AND embedding IS NOT NULL "
            + "ORDER BY embedding <=> CAST(? AS vector) LIMIT ?";
    private static final String INDEX = "UPDATE ltm_memories SET embedding = CAST(? AS vector) WHERE id = ?";

    @Override
    public List<ScoredMemory> nearest(Connection connection, String userId, Embedding query, int limit,
                                      double minScore) throws SQLException {
        String literal = literal(query);
        List<ScoredMemory> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEAREST)) {
            select.setObject(1, literal, Types.OTHER);
            select.setString(2, userId);
            select.setString(3, query.model());
            select.setInt(4, query.dimension());
            select.setObject(5, literal, Types.OTHER);
            select.setInt(6, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double score = rows.getDouble(6);
                    if (score >= minScore) {
                        found.add(new ScoredMemory(ExactVectorSearch.memory(rows), score));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void indexed(Connection connection, long id, Embedding vector) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(INDEX)) {
            update.setObject(1, literal(vector), Types.OTHER);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** pgvector's text form: {@code [0.1,0.2,...]}. */
    static String literal(Embedding vector) {
        StringBuilder text = new StringBuilder(vector.dimension() * 12).append('[');
        float[] values = vector.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i]);
        }
        return text.append(']').toString();
    }

    @Override
    public String description() {
        return "pgvector";
    }
}
