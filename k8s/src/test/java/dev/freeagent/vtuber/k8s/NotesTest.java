package dev.freeagent.vtuber.k8s;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * What {@code helm install} tells the operator (NOTES.txt).
 */
class NotesTest {

    @Test
    void notesTellHowToReachTheGatewayAndListTheGrpcServices() {
        String report = HelmChart.installReport(HelmChart.DEFAULTS);

        assertThat(report, containsString("kubectl -n vtuber port-forward service/vt-gateway 8000:http"));
        assertThat(report, containsString("kubectl -n vtuber port-forward service/vt-dialog 9100:grpc"));
        assertThat(report, containsString(
                "buf curl --protocol grpc --http2-prior-knowledge http://localhost:9100 --list-services"));
        assertThat(report, containsString("grpcurl -plaintext localhost:9100 list"));
        assertThat(report, containsString("vt-output (9002), vt-ltm (9003) and vt-workers (9004)"));
        assertThat(report, containsString("No language model is configured"));
        assertThat(report, not(containsString("https://")));
    }

    @Test
    void notesNameTheIngressAddressWhenThereIsOne() {
        String report = HelmChart.installReport("ha.yaml");

        assertThat(report, containsString("https://vtuber.example.com/"));
        assertThat(report, containsString("wss://vtuber.example.com/ws/input"));
    }

    @Test
    void notesSayNothingOfAnExternalRedisWhenTheChartRunsOne() {
        assertThat(HelmChart.installReport(HelmChart.DEFAULTS), containsString("the services use redis:6379"));
        assertThat(HelmChart.installReport("in-chart-redis.yaml"), not(containsString("the services use")));
    }
}
