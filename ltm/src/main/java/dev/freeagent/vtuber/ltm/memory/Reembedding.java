package dev.freeagent.vtuber.ltm.memory;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;

/**
 * Brings a store written by another embedding model up to the current one: memories whose vector came from a
 * different model are embedded again, in batches, from their stored text. Until a memory is done, searches do
 * not see it (they compare only vectors of the query's model), so vectors of two models are never mixed.
 *
 * <p>{@link #start()} runs it on a virtual thread; {@link #close()} stops it. Thread-safe.
 */
public final class Reembedding implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Reembedding.class.getName());

    private final MemoryStore store;
    private final TextEmbedder embedder;
    private final int batch;
    private volatile Thread thread;

    /**
     * Creates the task.
     *
     * @param store the store to bring up to date
     * @param embedder the current model
     * @param batch memories embedded per round
     */
    public Reembedding(MemoryStore store, TextEmbedder embedder, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("ltm.store.reembed-batch must be at least 1, got " + batch);
        }
        this.store = store;
        this.embedder = embedder;
        this.batch = batch;
    }

    /**
     * Starts re-embedding in the background.
     *
     * @return this, to close when the service stops
     */
    public Reembedding start() {
        thread = Thread.ofVirtual().name("ltm-reembedding").start(this::runQuietly);
        return this;
    }

    /**
     * Re-embeds every stale memory now, on the calling thread.
     *
     * @return how many memories were embedded again
     * @throws LtmException when the store or the model fails
     */
    public int reembedAll() {
        int done = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<StaleMemory> stale = store.stale(embedder.model(), batch);
            if (stale.isEmpty()) {
                break;
            }
            if (done == 0) {
                LOG.log(Level.INFO, "The memory store holds vectors of another model than " + embedder.model()
                        + "; embedding those memories again (they are not searched until done).");
            }
            store.replaceVectors(stale.stream().map(StaleMemory::id).toList(),
                    embedder.embed(stale.stream().map(StaleMemory::content).toList()));
            done += stale.size();
        }
        return done;
    }

    private void runQuietly() {
        try {
            int done = reembedAll();
            if (done > 0) {
                LOG.log(Level.INFO, done + " memories were embedded again with " + embedder.model() + ".");
            }
        } catch (LtmException e) {
            LOG.log(Level.WARNING, "Embedding stored memories again stopped: " + e.getMessage() + " Memories of "
                    + "other models stay out of searches until the next start.", e.getCause());
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
