package dev.freeagent.vtuber.output;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.freeagent.vtuber.common.config.ServiceConfig;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Settings come from output.yaml, flags follow upstream's truthy strings, and bad values fail at start.
 */
class OutputSettingsTest {
    @Test
    void defaultsComeFromTheYaml() {
        OutputSettings settings = OutputSettings.from(ServiceConfig.load(
                Map.of("output.streaming", "false", "output.barge-in", "false",
                       "output.wait-timeout-seconds", "300", "output.port", "8002"), "output.yaml"));
        assertThat(settings.port(), is(8002));
        assertThat(settings.waitTimeout(), is(Duration.ofSeconds(300)));
        assertThat(settings.streaming(), is(false));
    }

    @Test
    void ourDefaultsStreamAndAllowBargeIn() {
        OutputSettings settings = OutputSettings.from(ServiceConfig.load(Map.of(), "output.yaml"));
        assertThat(settings.streaming(), is(true));
        assertThat(settings.bargeIn(), is(true));
    }

    @Test
    void flagsAcceptUpstreamTruthyStringsAndTimeoutsAcceptFractions() {
        OutputSettings settings = OutputSettings.from(ServiceConfig.load(
                Map.of("output.streaming", " ON ", "output.barge-in", "nope",
                       "output.wait-timeout-seconds", "0.25", "data.dir", "/tmp/d"), "output.yaml"));
        assertThat(settings.streaming(), is(true));
        assertThat(settings.bargeIn(), is(false));
        assertThat(settings.waitTimeout(), is(Duration.ofMillis(250)));
        assertThat(settings.dataDir(), is(Path.of("/tmp/d")));
    }

    @Test
    void rejectsAnImpossiblePortOrTimeout() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutputSettings("h", 70000, false, false, Duration.ofSeconds(1), Path.of("d")));
        assertThrows(IllegalArgumentException.class,
                () -> new OutputSettings("h", 1, false, false, Duration.ZERO, Path.of("d")));
    }
}
