package dev.freeagent.vtuber.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

/**
 * Loads a service's configuration: explicit overrides first, then the upstream environment variables
 * (see {@link UpstreamEnvironment}), then Java system properties, then the YAML defaults on the
 * classpath ({@code common.yaml} and each service's own file).
 */
public final class ServiceConfig {
    private ServiceConfig() {
    }

    /**
     * Loads the configuration for one or more services.
     *
     * @param overrides keys that win over everything else (tests and the launcher use them)
     * @param resources classpath YAML files with defaults, e.g. {@code "dialog.yaml"}
     * @return the configuration
     */
    public static Config load(Map<String, String> overrides, String... resources) {
        List<java.util.function.Supplier<? extends ConfigSource>> sources = new ArrayList<>();
        sources.add(ConfigSources.create(new LinkedHashMap<>(overrides)).name("overrides"));
        sources.add(ConfigSources.create(UpstreamEnvironment.standard().keys(System.getenv())).name("environment"));
        sources.add(ConfigSources.systemProperties());
        for (String resource : resources) {
            sources.add(ConfigSources.classpath(resource));
        }
        sources.add(ConfigSources.classpath("common.yaml"));
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(sources)
                .build();
    }
}
