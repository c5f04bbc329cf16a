package dev.freeagent.vtuber.ltm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.freeagent.vtuber.ltm.embedding.Embedding;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;

/**
 * How a store finds the memories nearest to a vector: in Java over the user's stored vectors, or in the
 * database with pgvector. Both compare only rows of the query's model and dimension.
 */
interface VectorSearch {
    /**
     * The user's memories nearest to the query, best first, inside the caller's transaction.
     *
     * @param connection the connection (rows written earlier in its transaction are seen)
     * @param userId the user
     * @param query the vector
     * @param limit at most this many
     * @param minScore leave out rows less similar than this
     * @return the memories with their cosine similarity
     * @throws SQLException on database errors
     */
    List<ScoredMemory> nearest(Connection connection, String userId, Embedding query, int limit, double minScore)
            throws SQLException;

    /**
     * Called after a row's vector was written, for searches that keep their own column.
     *
     * @param connection the connection
     * @param id the row
     * @param vector its vector
     * @throws SQLException on database errors
     */
    void indexed(Connection connection, long id, Embedding vector) throws SQLException;

    /**
     * A word for logs and health output.
     *
     * @return e.g. {@code exact search}
     */
    String description();
}
