package dev.freeagent.vtuber.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The environment variables of the original system (contract §11) and our own, mapped to configuration
 * keys. One variable may feed several keys (for example {@code REDIS_HOST} or {@code DIALOG_ENGINE_URL}, which
 * several services read). The table lives in {@code upstream-env.properties}.
 *
 * @param table variable name to the keys it sets
 */
public record UpstreamEnvironment(Map<String, List<String>> table) {

    /**
     * The table shipped with the project.
     *
     * @return the standard mapping
     */
    public static UpstreamEnvironment standard() {
        Properties properties = new Properties();
        try (InputStream in = UpstreamEnvironment.class.getResourceAsStream("/upstream-env.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upstream-env.properties", e);
        }
        Map<String, List<String>> table = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> table.put(name,
                List.of(properties.getProperty(name).trim().split("\\s*,\\s*"))));
        return new UpstreamEnvironment(Map.copyOf(table));
    }

    /**
     * Configuration keys set by the given environment.
     *
     * @param environment variables, usually {@link System#getenv()}
     * @return key to value
     */
    public Map<String, String> keys(Map<String, String> environment) {
        Map<String, String> keys = new LinkedHashMap<>();
        table.forEach((variable, targets) -> {
            String value = environment.get(variable);
            if (value != null) {
                targets.forEach(key -> keys.put(key, value));
            }
        });
        return keys;
    }
}
