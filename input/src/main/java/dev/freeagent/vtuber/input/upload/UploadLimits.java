package dev.freeagent.vtuber.input.upload;

/**
 * Bounds on one upload, so a client cannot make the service hold unbounded memory.
 *
 * @param maxBytes the most bytes all chunks of one upload may hold together (also bounds one text frame)
 * @param maxChunks the most distinct chunk ids one upload may hold
 */
public record UploadLimits(int maxBytes, int maxChunks) {

    /**
     * Validates the limits.
     */
    public UploadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("input.max-upload-bytes must be at least 1, got " + maxBytes);
        }
        if (maxChunks < 1) {
            throw new IllegalArgumentException("input.max-chunks must be at least 1, got " + maxChunks);
        }
    }
}
