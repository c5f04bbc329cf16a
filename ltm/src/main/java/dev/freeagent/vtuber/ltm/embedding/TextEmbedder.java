package dev.freeagent.vtuber.ltm.embedding;

import java.util.List;

/**
 * Turns sentences into unit vectors. Implementations are thread-safe; whoever creates one closes it.
 */
public interface TextEmbedder extends AutoCloseable {
    /**
     * The id of the model, stored with every vector it makes.
     *
     * @return e.g. {@code all-MiniLM-L6-v2-q}
     */
    String model();

    /**
     * Embeds sentences.
     *
     * @param texts non-empty sentences
     * @return one vector per text, in order
     * @throws EmbeddingUnavailableException when the model cannot answer
     */
    List<Embedding> embed(List<String> texts);

    /**
     * Embeds one sentence.
     *
     * @param text a sentence
     * @return its vector
     * @throws EmbeddingUnavailableException when the model cannot answer
     */
    default Embedding embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    /**
     * Whether the model can answer now: loaded (in process) or its last call succeeded (remote).
     *
     * @return true when ready
     */
    boolean available();

    @Override
    void close();
}
