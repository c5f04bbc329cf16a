package dev.freeagent.vtuber.gateway;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * What a client sees when input and output are not running.
 */
class UnreachableBackendsIT {
    private static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestGateway.deadUrl(), TestGateway.deadUrl());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        gateway.close();
    }

    @Test
    void closesAnInputSocketWith1011WhenInputIsDown() {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/input"));

        assertThat(client.awaitClose(), is(new TestSocket.Closed(1011, "Proxy error: input service unavailable")));
        gateway.awaitNoConnections();
    }

    @Test
    void closesAnOutputSocketWith1011WhenOutputIsDown() {
        TestSocket client = TestSocket.open(gateway.http, gateway.ws("/ws/output/" + UUID.randomUUID()));

        assertThat(client.awaitClose(), is(new TestSocket.Closed(1011, "Proxy error: output service unavailable")));
        gateway.awaitNoConnections();
    }

    @Test
    void answersBadGatewayToStopWhenOutputIsDown() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/control/stop", "{\"sessionId\":\"s\"}");

        assertThat(response.statusCode(), is(502));
        assertThat(response.body(), is("{\"detail\":\"proxy error: output service unavailable\"}"));
    }
}
