package dev.freeagent.vtuber.output.control;

/**
 * The instance that holds a session did not carry out a forwarded STOP.
 */
public final class StopForwardingException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what failed, with the address and the session
     * @param cause the transport's failure
     */
    public StopForwardingException(String message, Throwable cause) {
        super(message, cause);
    }
}
