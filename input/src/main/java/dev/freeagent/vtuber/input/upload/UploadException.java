package dev.freeagent.vtuber.input.upload;

/**
 * An upload cannot become a task; the message is the {@code error} text of {@code upload_processed}.
 */
public class UploadException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message the error text sent to the client
     */
    public UploadException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message the error text sent to the client
     * @param cause what failed
     */
    public UploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
