package dev.freeagent.vtuber.ltm.memory;

import java.util.List;
import java.util.Optional;

import dev.freeagent.vtuber.ltm.embedding.Embedding;

/**
 * Where memories live. Every read and write names one user and touches only that user's rows; searches compare
 * only vectors of the query's model and dimension. Implementations are thread-safe; whoever opens one closes it.
 * Failures are {@link StoreUnavailableException}s.
 */
public interface MemoryStore extends AutoCloseable {
    /**
     * Whether a write with this correlation id was already made for this user.
     *
     * @param userId the user
     * @param correlationId the idempotency key
     * @return true when it was
     */
    boolean written(String userId, String correlationId);

    /**
     * Stores memories in one transaction: claims the correlation id (when not empty; if it was claimed before,
     * nothing is stored and the outcome says duplicate), then adds each memory unless one of the user's memories
     * of the same model (including those added just before in this call) is at least {@code duplicateThreshold}
     * similar to it.
     *
     * @param userId the user
     * @param correlationId idempotency key, empty for none
     * @param memories what to add
     * @param duplicateThreshold cosine similarity from which a memory counts as already known
     * @return what was stored
     */
    WriteOutcome write(String userId, String correlationId, List<NewMemory> memories, double duplicateThreshold);

    /**
     * The user's memories closest to the query, best first.
     *
     * @param userId the user
     * @param query the query's vector; only memories of its model and dimension are compared
     * @param limit at most this many
     * @param minScore leave out memories less similar than this
     * @return the memories with their similarity
     */
    List<ScoredMemory> search(String userId, Embedding query, int limit, double minScore);

    /**
     * The user's newest memories, whatever model embedded them.
     *
     * @param userId the user
     * @param limit at most this many
     * @return newest first
     */
    List<Memory> recent(String userId, int limit);

    /**
     * Deletes everything stored about the user: memories, idempotency keys, profile.
     *
     * @param userId the user
     * @return the number of memories deleted
     */
    long forget(String userId);

    /**
     * The profile fields the user (or a client) set explicitly, as a JSON object.
     *
     * @param userId the user
     * @return the JSON text, if any was set
     */
    Optional<String> profileUpdates(String userId);

    /**
     * Replaces the explicitly set profile fields.
     *
     * @param userId the user
     * @param json a JSON object
     */
    void saveProfileUpdates(String userId, String json);

    /**
     * Memories whose vectors were made by another model than {@code model}, oldest first.
     *
     * @param model the current model id
     * @param limit at most this many
     * @return the memories to embed again
     */
    List<StaleMemory> stale(String model, int limit);

    /**
     * Replaces the vector of stored memories (after embedding them again with the current model).
     *
     * @param ids the memories, in the order of {@code vectors}
     * @param vectors their new vectors
     */
    void replaceVectors(List<String> ids, List<Embedding> vectors);

    /**
     * Whether the database answers.
     *
     * @return true when it does
     */
    boolean ping();

    /**
     * What kind of store this is, for health output and logs.
     *
     * @return e.g. {@code sqlite} or {@code postgresql (exact search)}
     */
    String description();

    @Override
    void close();
}
