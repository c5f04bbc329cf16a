package dev.freeagent.vtuber.output.speech;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.freeagent.vtuber.common.config.ServiceConfig;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Speech settings: the yaml defaults, the advertised address, and the rules that fail at start.
 */
class SpeechSettingsTest {
    private static Config output(Map<String, String> overrides) {
        return ServiceConfig.load(overrides, "output.yaml").get("output");
    }

    @Test
    void defaultsComeFromTheYamlAndTheAddressFollowsTheBoundPort() {
        SpeechSettings settings = SpeechSettings.from(output(Map.of()), Duration.ofSeconds(300));

        assertThat(settings.advertiseAddress(), is(Optional.empty()));
        assertThat(settings.advertiseAddress(41234), is("127.0.0.1:41234"));
        assertThat(settings.speechTimeout(), is(Duration.ofSeconds(120)));
        assertThat(settings.maxSpeech(), is(Duration.ofSeconds(600)));
        assertThat(settings.stopAckTimeout(), is(Duration.ofMillis(1000)));
        assertThat(settings.sessionTtl(), is(Duration.ofSeconds(600)));
    }

    @Test
    void aConfiguredAddressWins() {
        SpeechSettings settings = SpeechSettings.from(output(Map.of("output.advertise-address", "10.1.2.3:8002")),
                                                      Duration.ofSeconds(300));
        assertThat(settings.advertiseAddress(8002), is("10.1.2.3:8002"));
    }

    @Test
    void rejectsAnAddressWithoutPortAndATtlShorterThanASocketCanLive() {
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> SpeechSettings.from(output(Map.of("output.advertise-address", "pod-1")), Duration.ofSeconds(1)));
        assertThat(address.getMessage(), is("output.advertise-address must be host:port, got \"pod-1\""));

        IllegalArgumentException ttl = assertThrows(IllegalArgumentException.class,
                () -> SpeechSettings.from(output(Map.of("output.session-ttl-seconds", "100")), Duration.ofSeconds(300)));
        assertThat(ttl.getMessage(), containsString("output.session-ttl-seconds must be at least"));
    }
}
