package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.workers.stream.ConsumerSettings;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Consumer settings from workers.yaml and overrides.
 */
class ConsumerSettingsTest {
    @Test
    void defaultsAreTheUpstreamNamesWithAUniqueConsumer() {
        ConsumerSettings ltm = ConsumerSettings.from("ltm", workers(Map.of()), Duration.ofSeconds(5));
        assertThat(ltm.stream(), is("events.ltm"));
        assertThat(ltm.group(), is("ltm-workers"));
        assertThat(ltm.consumer(), endsWith("-" + ProcessHandle.current().pid()));
        assertThat(ltm.block(), is(Duration.ofMillis(2000)));
        assertThat(ltm.maxDeliveries(), is(5));
        assertThat(ltm.deadLetterStream(), is("events.ltm.dead"));
        ConsumerSettings analytics = ConsumerSettings.from("analytics", workers(Map.of()), Duration.ofSeconds(5));
        assertThat(analytics.stream(), is("events.analytics"));
        assertThat(analytics.group(), is("a11y-workers"));
    }

    @Test
    void aBlockingReadEndsBeforeTheRedisCommandTimeout() {
        ConsumerSettings ltm = ConsumerSettings.from("ltm", workers(Map.of()), Duration.ofSeconds(2));
        assertThat(ltm.block(), is(Duration.ofMillis(1500)));
    }

    @Test
    void aConfiguredConsumerNameIsKept() {
        ConsumerSettings ltm = ConsumerSettings.from("ltm", workers(Map.of("workers.ltm.consumer", "pod-a")),
                Duration.ofSeconds(5));
        assertThat(ltm.consumer(), is("pod-a"));
    }

    @Test
    void invalidLimitsAreNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ConsumerSettings.from(
                "analytics", workers(Map.of("workers.analytics.max-deliveries", "0")), Duration.ofSeconds(5)));
        assertThat(error.getMessage(), containsString("workers.analytics.max-deliveries must be at least 1"));
    }

    private static Config workers(Map<String, String> overrides) {
        return ServiceConfig.load(overrides, "workers.yaml").get("workers");
    }
}
