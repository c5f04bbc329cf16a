package dev.freeagent.vtuber.dialog.speech;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds the output instance that holds a session's client socket.
 */
@FunctionalInterface
public interface SessionLocator {
    /**
     * Waits until some output instance holds the session's socket.
     *
     * @param sessionId the session
     * @param wait the longest wait; zero: only look
     * @return that instance's gRPC address ({@code host:port}), or empty
     */
    Optional<String> await(String sessionId, Duration wait);
}
