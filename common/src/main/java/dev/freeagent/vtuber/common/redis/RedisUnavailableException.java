package dev.freeagent.vtuber.common.redis;

/**
 * Redis cannot be reached right now; the link keeps trying to reconnect in the background.
 */
public class RedisUnavailableException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param address where Redis was expected
     * @param cause the last connection error, may be null
     */
    public RedisUnavailableException(String address, Throwable cause) {
        super("Redis is not reachable at " + address, cause);
    }
}
