package dev.freeagent.vtuber.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart in this module's folder, linted and rendered offline through helm-java (Helm's own Go code, no
 * cluster). Scenario values files live in the test resources under {@code values/}.
 */
final class HelmChart {
    /** The release name every rendering uses, so resource names are {@code vt-gateway}, {@code vt-dialog}... */
    static final String RELEASE = "vt";
    /** The namespace every rendering uses (the README's install command creates it). */
    static final String NAMESPACE = "vtuber";
    /** The Kubernetes version templates are rendered for (Helm's offline default is 1.20). */
    static final String KUBE_VERSION = "v1.31.0";
    /** The chart's default values alone, as a scenario name. */
    static final String DEFAULTS = "defaults";
    /** Every scenario: the defaults and each values file under {@code values/}. */
    static final List<String> SCENARIOS = List.of(DEFAULTS, "ha.yaml", "in-chart-redis.yaml", "external-postgres.yaml",
            "in-chart-postgres.yaml", "secrets.yaml", "existing-secret.yaml");
    /** The six services, each with a workload, a Service and a PodDisruptionBudget named vt-&lt;service&gt;. */
    static final List<String> SERVICES = List.of("gateway", "input", "output", "dialog", "ltm", "workers");

    private static final Path DIR = Path.of(System.getProperty("chart.dir", ".")).toAbsolutePath().normalize();
    private static final List<String> CHART_FILES = List.of("Chart.yaml", "values.yaml", ".helmignore", "templates");

    private HelmChart() {
    }

    /**
     * Renders the chart with scenario values files.
     *
     * @param valuesFiles names under {@code values/} in the test resources, applied in order
     * @return the rendered objects
     */
    static Manifests render(String... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    /**
     * Renders one scenario.
     *
     * @param scenario {@link #DEFAULTS} or a values file name under {@code values/}
     * @return the rendered objects
     */
    static Manifests renderScenario(String scenario) {
        return DEFAULTS.equals(scenario) ? render() : render(scenario);
    }

    /**
     * Renders the chart with scenario values files and {@code --set} values.
     *
     * @param sets values set last, as with {@code --set key=value}
     * @param valuesFiles names under {@code values/} in the test resources, applied in order
     * @return the rendered objects
     */
    static Manifests render(Map<String, Object> sets, String... valuesFiles) {
        TemplateCommand template = new Helm(DIR).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (String file : valuesFiles) {
            template.withValuesFile(scenario(file));
        }
        sets.forEach(template::set);
        return Manifests.parse(template.call());
    }

    /**
     * What {@code helm install} prints for one scenario (NOTES.txt included), from a client-only dry run.
     *
     * @param scenario {@link #DEFAULTS} or a values file name under {@code values/}
     * @return Helm's report of the release
     */
    static String installReport(String scenario) {
        InstallCommand install = new Helm(DIR).install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .dryRun()
                .clientOnly();
        if (!DEFAULTS.equals(scenario)) {
            install.withValuesFile(scenario(scenario));
        }
        return install.call().getOutput();
    }

    /**
     * Runs {@code helm lint --strict} on the chart with the values of one scenario.
     *
     * @param scenario {@link #DEFAULTS} or a values file name under {@code values/}
     * @param work an empty folder to copy the chart into
     * @return Helm's verdict
     */
    static LintResult lintScenario(String scenario, Path work) {
        return DEFAULTS.equals(scenario) ? lint(List.of(), work) : lint(List.of(scenario(scenario)), work);
    }

    /**
     * Runs {@code helm lint --strict} on the chart with its default values overlaid by values files. helm-java's
     * lint takes no values file, so the chart is copied into a folder whose values.yaml is the merge Helm itself
     * would make (maps merged key by key, anything else replaced, null removing a key).
     *
     * @param overlays values files applied in order over the chart's values.yaml
     * @param work an empty folder to copy the chart into
     * @return Helm's verdict
     */
    static LintResult lint(List<Path> overlays, Path work) {
        Path chart = work.resolve("vtuber");
        copyChart(chart);
        Map<String, Object> values = load(DIR.resolve("values.yaml"));
        for (Path overlay : overlays) {
            values = merge(values, load(overlay));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        write(chart.resolve("values.yaml"), new Yaml(options).dump(values));
        return new Helm(chart).lint().strict().call();
    }

    /**
     * A file of the project outside this module.
     *
     * @param relative its path from the project's root folder
     * @return its path
     */
    static Path projectFile(String relative) {
        return DIR.getParent().resolve(relative);
    }

    /**
     * The path of a scenario values file.
     *
     * @param name a name under {@code values/} in the test resources
     * @return its path
     */
    static Path scenario(String name) {
        URL url = HelmChart.class.getResource("/values/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no scenario values file values/" + name + " in the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the test resources are not in a folder", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object current = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Map<String, Object> load(Path file) {
        try {
            Map<String, Object> values = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return values == null ? Map.of() : values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void copyChart(Path target) {
        try {
            for (String name : CHART_FILES) {
                Path source = DIR.resolve(name);
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Path copy = target.resolve(DIR.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.createDirectories(copy.getParent());
                            Files.copy(file, copy);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the chart to " + target, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
