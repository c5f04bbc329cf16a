package dev.freeagent.vtuber.output.control;

/**
 * Carries a STOP to the output instance that holds the session (implemented over gRPC).
 */
@FunctionalInterface
public interface StopForwarder {
    /**
     * Asks another instance to stop the session; that instance never forwards it again.
     *
     * @param address the holder's {@code host:port}
     * @param sessionId the session
     * @return the holder's answer
     * @throws StopForwardingException when the holder does not answer in time or fails
     */
    StopResult forward(String address, String sessionId);
}
