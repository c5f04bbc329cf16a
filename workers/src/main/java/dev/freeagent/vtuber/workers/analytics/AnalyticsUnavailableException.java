package dev.freeagent.vtuber.workers.analytics;

/**
 * The aggregates in Redis could not be read or updated now.
 */
public final class AnalyticsUnavailableException extends RuntimeException {
    AnalyticsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
