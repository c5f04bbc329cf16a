package dev.freeagent.vtuber.output;

import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The wait timeout fires by itself, without any message on the channel (fixes contract §14.14).
 */
class OutputTimeoutTest {
    private static OutputFixture output;

    @BeforeAll
    static void start() {
        output = OutputFixture.start(TestRedis.machine(), Map.of("output.wait-timeout-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        output.close();
    }

    @Test
    void sendsProcessingTimeoutWhenNoResultArrives() throws Exception {
        String id = UUID.randomUUID().toString();
        long started = System.nanoTime();
        WsTestClient socket = output.socket(id);

        assertThat(socket.nextJson().toString(), is("{\"status\":\"error\",\"error\":\"Processing timeout\"}"));
        assertThat((System.nanoTime() - started) / 1_000_000, greaterThanOrEqualTo(1000L));
        assertThat(socket.nextClose().code(), is(1000));
        OutputFixture.eventually(() -> output.subscribers("task_response:" + id) == 0);
        assertThat(output.status(id), is("not_found"));
    }
}
