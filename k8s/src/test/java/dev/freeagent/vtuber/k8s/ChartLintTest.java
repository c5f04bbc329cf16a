package dev.freeagent.vtuber.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * {@code helm lint --strict} accepts the chart with its default values and with every scenario's values.
 */
class ChartLintTest {
    private static final String ICON_NOTE = "[INFO] Chart.yaml: icon is recommended";

    @TempDir
    Path work;

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void strictLintPasses(String scenario) {
        LintResult result = HelmChart.lintScenario(scenario, work);

        assertThat(String.join("\n", result.getMessages()), result.isFailed(), is(false));
        // strict lint fails on errors and warnings; the one note allowed is Helm's suggestion of an icon. (Lint only
        // logs a template's fail() and passes: the rendering tests, which render every scenario, catch those.)
        assertThat(result.getMessages(), everyItem(is(ICON_NOTE)));
    }

    @Test
    void strictLintFailsOnAnInvalidObject() throws Exception {
        Path values = Files.writeString(work.resolve("bad-name.yaml"), "fullnameOverride: Not_A_DNS_Name\n");

        LintResult result = HelmChart.lint(List.of(values), work);

        assertThat(result.isFailed(), is(true));
        assertThat(String.join("\n", result.getMessages()), containsString("Not_A_DNS_Name-gateway"));
    }
}
