package dev.freeagent.vtuber.gateway.asr;

/**
 * Carries an {@link AsrFailure} out of the parts of a request.
 */
final class AsrFailedException extends RuntimeException {
    private final AsrFailure failure;

    AsrFailedException(int status, String error, String detail) {
        super(error, null, false, false);
        this.failure = new AsrFailure(status, error, detail);
    }

    AsrFailure failure() {
        return failure;
    }
}
