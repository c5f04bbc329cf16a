package dev.freeagent.vtuber.ltm.embedding;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions, English) running in process through ONNX Runtime, fully offline:
 * the model and its tokenizer ship inside a jar.
 *
 * <p>Inference is native code, and native frames pin a virtual thread to its carrier; so it runs on a few
 * platform threads of its own while the calling virtual thread waits unmounted. Thread-safe; close it.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    /** The id stored with every vector this model makes. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final ExecutorService inference;

    private MiniLmEmbedder(AllMiniLmL6V2QuantizedEmbeddingModel model, ExecutorService inference) {
        this.model = model;
        this.inference = inference;
    }

    /**
     * Loads the model and runs it once, so the first real request does not pay for the warm-up (about a second
     * in all; the JVM keeps the model loaded for later instances).
     *
     * @param threads platform threads that run inference at once
     * @return the embedder
     * @throws EmbeddingUnavailableException when the model or ONNX Runtime cannot be loaded
     */
    public static MiniLmEmbedder load(int threads) {
        AllMiniLmL6V2QuantizedEmbeddingModel model;
        try {
            // the model's own executor runs on the calling thread: ours already is a dedicated platform thread
            model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingUnavailableException("The embedding model " + MODEL + " could not be loaded.", e);
        }
        ExecutorService inference = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("ltm-embedding-", 0).daemon(true).factory());
        MiniLmEmbedder embedder = new MiniLmEmbedder(model, inference);
        try {
            embedder.embed("warm up");
        } catch (EmbeddingUnavailableException e) {
            embedder.close();
            throw e;
        }
        return embedder;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public List<Embedding> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        Future<List<dev.langchain4j.data.embedding.Embedding>> result =
                inference.submit(() -> model.embedAll(segments).content());
        try {
            return result.get().stream().map(e -> Embedding.normalized(MODEL, e.vector())).toList();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new EmbeddingUnavailableException("Embedding was interrupted.", e);
        } catch (ExecutionException e) {
            throw new EmbeddingUnavailableException("The embedding model " + MODEL + " failed on the text.",
                    e.getCause());
        }
    }

    @Override
    public boolean available() {
        return !inference.isShutdown();
    }

    @Override
    public void close() {
        inference.shutdown();
        try {
            if (!inference.awaitTermination(5, TimeUnit.SECONDS)) {
                inference.shutdownNow();
            }
        } catch (InterruptedException e) {
            inference.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
