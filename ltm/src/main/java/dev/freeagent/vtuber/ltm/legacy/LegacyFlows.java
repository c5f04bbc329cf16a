package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.profile.Profiles;

/**
 * Starts the legacy flows that are switched on.
 */
public final class LegacyFlows {
    private static final System.Logger LOG = System.getLogger(LegacyFlows.class.getName());

    private LegacyFlows() {
    }

    /**
     * Starts the flows; Redis may be down, each flow connects when it can.
     *
     * @param settings which flows, on which keys
     * @param link the Redis link, owned by the caller
     * @param bank the memory
     * @param profiles the profiles
     * @param clock for message timestamps and cleanup
     * @return the running flows, to close (in reverse order) when the service stops
     */
    public static List<AutoCloseable> start(LegacySettings settings, RedisLink link, MemoryBank bank, Profiles profiles,
                                            Clock clock) {
        List<AutoCloseable> flows = new ArrayList<>();
        RedisRetry retry = new RedisRetry(settings.retry(), settings.writeAttempts());
        if (settings.updates()) {
            MemoryUpdates updates = new MemoryUpdates(bank);
            flows.add(ChannelSubscription.start(settings.updatesChannel(), link, settings, updates::accept));
        }
        if (settings.requests()) {
            LtmRequests requests = new LtmRequests(bank, profiles);
            flows.add(QueueConsumer.start(settings.requestsQueue(), link, settings,
                    item -> requests.answer(item).ifPresent(response -> publish(link, retry, settings.responsesChannel(),
                            response))));
        }
        BridgeSettings bridgeSettings = settings.bridge();
        if (bridgeSettings.enabled()) {
            MemoryPythonBridge bridge = new MemoryPythonBridge(link, retry, bridgeSettings, settings.updatesChannel(),
                    clock);
            flows.add(QueueConsumer.start(bridgeSettings.inputQueue(), link, settings, bridge::onInput));
            flows.add(ChannelSubscription.start(bridgeSettings.aiResponsesChannel(), link, settings, bridge::onAiResponse));
            flows.add(new SessionCleanup(link, bridgeSettings, settings.retry(), clock).start());
        }
        return flows;
    }

    private static void publish(RedisLink link, RedisRetry retry, String channel, String response) {
        try {
            retry.call(() -> link.commands().publish(channel, response));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A response could not be published on " + channel + " (" + e.getMessage() + ").");
        }
    }
}
