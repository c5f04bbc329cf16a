package dev.freeagent.vtuber.k8s;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Where state lives: Redis (external or in-chart), PostgreSQL for ltm (external or in-chart), and the SQLite
 * volumes of dialog and ltm.
 */
class StorageTest {
    /** The services that use Redis (the gateway does not). */
    private static final List<String> REDIS_CLIENTS = List.of("input", "output", "dialog", "ltm", "workers");

    @Test
    void redisIsExternalByDefault() {
        Manifests manifests = HelmChart.render(Map.of("redis.host", "redis-master.infra.svc", "redis.port", 6380));

        assertThat(manifests.find("Deployment", "vt-redis").isPresent(), is(false));
        assertThat(manifests.find("Service", "vt-redis").isPresent(), is(false));
        for (String service : REDIS_CLIENTS) {
            Node env = manifests.containerOf(service).at("env");
            assertThat(service, env.named("REDIS_HOST").at("value").text(), is("redis-master.infra.svc"));
            assertThat(service, env.named("REDIS_PORT").at("value").text(), is("6380"));
        }
        assertThat(manifests.containerOf("gateway").at("env").named("REDIS_HOST").present(), is(false));
    }

    @Test
    void anInChartRedisAppearsOnlyWhenEnabledAndEveryServiceUsesIt() {
        Manifests manifests = HelmChart.render("in-chart-redis.yaml");

        Node redis = manifests.get("Deployment", "vt-redis");
        assertThat(redis.onlyContainer().at("args").value().toString(), containsString("--maxmemory"));
        assertThat(manifests.get("Service", "vt-redis").at("spec.ports").named("redis").at("port").text(), is("6379"));
        for (String service : REDIS_CLIENTS) {
            Node env = manifests.containerOf(service).at("env");
            assertThat(service, env.named("REDIS_HOST").at("value").text(), is("vt-redis"));
            assertThat(service, env.named("REDIS_PORT").at("value").text(), is("6379"));
        }
        for (String scenario : List.of(HelmChart.DEFAULTS, "ha.yaml", "external-postgres.yaml", "secrets.yaml")) {
            assertThat(scenario, HelmChart.renderScenario(scenario).find("Deployment", "vt-redis").isPresent(), is(false));
        }
    }

    @Test
    void ltmKeepsItsSqliteOnAVolumeMountedByOnePodAtATime() {
        Manifests manifests = HelmChart.render();

        Node ltm = manifests.get("Deployment", "vt-ltm");
        assertThat(ltm.at("spec.strategy.type").text(), is("Recreate"));
        assertThat(ltm.at("spec.replicas").text(), is("1"));
        assertThat(ltm.at("spec.template.spec.volumes").named("data").at("persistentVolumeClaim.claimName").text(),
                is("vt-ltm-data"));
        assertThat(manifests.get("PersistentVolumeClaim", "vt-ltm-data").at("spec.resources.requests.storage").text(),
                is("2Gi"));
        assertThat(ltm.onlyContainer().at("env").named("LTM_POSTGRES_URL").present(), is(false));
        assertThat(manifests.find("Deployment", "vt-postgresql").isPresent(), is(false));
    }

    @Test
    void ltmCanUseAClaimMadeElsewhere() {
        Manifests manifests = HelmChart.render(Map.of("ltm.persistence.existingClaim", "memories"));

        assertThat(manifests.ofKind("PersistentVolumeClaim"), is(empty()));
        assertThat(manifests.get("Deployment", "vt-ltm").at("spec.template.spec.volumes").named("data")
                .at("persistentVolumeClaim.claimName").text(), is("memories"));
    }

    @Test
    void ltmOnAnExternalPostgresNeedsNoVolumeAndScales() {
        Manifests manifests = HelmChart.render("external-postgres.yaml");

        Node ltm = manifests.get("Deployment", "vt-ltm");
        Node env = ltm.onlyContainer().at("env");
        assertThat(env.named("LTM_POSTGRES_URL").at("value").text(), is("jdbc:postgresql://db.example.com:5432/ltm"));
        assertThat(env.named("LTM_POSTGRES_USER").at("value").text(), is("ltm_app"));
        assertThat(env.named("LTM_POSTGRES_PASSWORD").at("valueFrom.secretKeyRef.key").text(), is("LTM_POSTGRES_PASSWORD"));
        assertThat(ltm.at("spec.replicas").text(), is("2"));
        assertThat(ltm.at("spec.strategy").present(), is(false));
        assertThat(ltm.at("spec.template.spec.volumes").named("data").at("emptyDir").present(), is(true));
        assertThat(manifests.find("PersistentVolumeClaim", "vt-ltm-data").isPresent(), is(false));
        assertThat(manifests.find("Deployment", "vt-postgresql").isPresent(), is(false));
    }

    @Test
    void anInChartPostgresServesLtm() {
        Manifests manifests = HelmChart.render("in-chart-postgres.yaml");

        Node postgres = manifests.get("Deployment", "vt-postgresql");
        assertThat(postgres.at("spec.strategy.type").text(), is("Recreate"));
        assertThat(postgres.onlyContainer().at("image").text(), containsString("pgvector"));
        assertThat(manifests.get("PersistentVolumeClaim", "vt-postgresql").present(), is(true));
        assertThat(manifests.get("Service", "vt-postgresql").at("spec.ports").named("postgresql").at("port").text(),
                is("5432"));
        Node env = manifests.get("Deployment", "vt-ltm").onlyContainer().at("env");
        assertThat(env.named("LTM_POSTGRES_URL").at("value").text(), is("jdbc:postgresql://vt-postgresql:5432/ltm"));
        assertThat(env.named("LTM_POSTGRES_USER").at("value").text(),
                is(postgres.onlyContainer().at("env").named("POSTGRES_USER").at("value").text()));
        assertThat(manifests.find("PersistentVolumeClaim", "vt-ltm-data").isPresent(), is(false));
    }

    @Test
    void eachDialogReplicaHasItsOwnVolume() {
        Node dialog = HelmChart.render().get("StatefulSet", "vt-dialog");

        Node claim = dialog.at("spec.volumeClaimTemplates").items().getFirst();
        assertThat(claim.at("metadata.name").text(), is("data"));
        assertThat(claim.at("spec.accessModes").value(), is(List.of("ReadWriteOnce")));
        assertThat(claim.at("spec.resources.requests.storage").text(), is("1Gi"));
        assertThat(dialog.onlyContainer().at("volumeMounts").named("data").at("mountPath").text(), is("/data"));
        // the claim template provides the volume: the pod spec must not declare one of the same name
        assertThat(dialog.at("spec.template.spec.volumes").named("data").present(), is(false));
    }

    @Test
    void dialogWithoutPersistenceKeepsItsDataInAnEmptyDir() {
        Node dialog = HelmChart.render(Map.of("dialog.persistence.enabled", false)).get("StatefulSet", "vt-dialog");

        assertThat(dialog.at("spec.volumeClaimTemplates").present(), is(false));
        assertThat(dialog.at("spec.template.spec.volumes").named("data").at("emptyDir").present(), is(true));
    }

    @ParameterizedTest
    @FieldSource("dev.freeagent.vtuber.k8s.HelmChart#SCENARIOS")
    void aDeploymentWithAReadWriteOnceClaimIsRecreatedAndSingle(String scenario) {
        Manifests manifests = HelmChart.renderScenario(scenario);

        for (Node deployment : manifests.ofKind("Deployment")) {
            for (Node volume : deployment.at("spec.template.spec.volumes").items()) {
                String claim = volume.at("persistentVolumeClaim.claimName").text();
                if (claim != null) {
                    String name = deployment.at("metadata.name").text();
                    manifests.find("PersistentVolumeClaim", claim).ifPresent(pvc -> assertThat(
                            pvc.at("spec.accessModes").value(), is(List.of("ReadWriteOnce"))));
                    assertThat(name, deployment.at("spec.strategy.type").text(), is("Recreate"));
                    assertThat(name, deployment.at("spec.replicas").text(), is("1"));
                    assertThat(name, manifests.find("HorizontalPodAutoscaler", name).isPresent(), is(false));
                }
            }
        }
    }

    @Test
    void ltmOnSqliteRefusesASecondReplica() {
        for (Map<String, Object> values : List.<Map<String, Object>>of(Map.of("ltm.replicas", 2),
                Map.of("ltm.autoscaling.enabled", true))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> HelmChart.render(values));

            assertThat(refused.getMessage(), containsString("ltm keeps its memories in one SQLite file on a "
                    + "ReadWriteOnce volume, so it runs as one replica"));
        }
    }

    @Test
    void anInChartPostgresWithoutAPasswordIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HelmChart.render(Map.of("postgresql.enabled", true)));

        assertThat(refused.getMessage(), containsString("The in-chart PostgreSQL needs a password"));
    }

    @Test
    void twoPostgresqlsAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HelmChart.render(Map.of("postgresql.external.url", "jdbc:postgresql://elsewhere/ltm"),
                        "in-chart-postgres.yaml"));

        assertThat(refused.getMessage(), containsString("Choose one PostgreSQL for ltm"));
    }

    @Test
    void noExternalRedisAndNoInChartOneIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HelmChart.render(Map.of("redis.host", "")));

        assertThat(refused.getMessage(), containsString("Redis is needed"));
        assertThat(HelmChart.render(Map.of("redis.host", ""), "in-chart-redis.yaml").find("Deployment", "vt-redis")
                .isPresent(), is(true));
    }
}
