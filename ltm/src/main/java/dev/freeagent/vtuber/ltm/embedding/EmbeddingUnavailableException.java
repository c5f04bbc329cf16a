package dev.freeagent.vtuber.ltm.embedding;

import dev.freeagent.vtuber.ltm.LtmException;

/**
 * The embedding model could not turn text into vectors (the remote endpoint failed, or the local model could
 * not run).
 */
public final class EmbeddingUnavailableException extends LtmException {
    /**
     * Creates the exception.
     *
     * @param sentence what failed, for the caller
     * @param cause the technical cause, may be null
     */
    public EmbeddingUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
