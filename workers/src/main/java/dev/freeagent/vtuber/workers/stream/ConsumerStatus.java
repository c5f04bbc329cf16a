package dev.freeagent.vtuber.workers.stream;

import java.util.Optional;

/**
 * A consumer's state and counts since it started, for health.
 *
 * @param name the consumer's label, e.g. {@code ltm}
 * @param stream the stream
 * @param group the consumer group
 * @param consumer this instance's name in the group
 * @param state where its loop is
 * @param lastDeliveredId the id of the last entry delivered to it, if any
 * @param processed entries whose effect it applied
 * @param duplicates entries whose effect had happened before
 * @param skipped entries of kinds it does not act on
 * @param failed deliveries that failed and were left pending to retry
 * @param deadLettered entries it moved to the dead-letter stream
 * @param lastError the last failure, in words, if any
 */
public record ConsumerStatus(String name, String stream, String group, String consumer, ConsumerState state,
                             Optional<String> lastDeliveredId, long processed, long duplicates, long skipped,
                             long failed, long deadLettered, Optional<String> lastError) {
}
