package dev.freeagent.vtuber.output;

import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.common.testing.WsTestClient;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Closing the service ends the open client sockets and their subscriptions.
 */
class OutputShutdownTest {
    @Test
    void closeEndsWaitingSocketsAndTheirSubscriptions() throws Exception {
        String id = UUID.randomUUID().toString();
        OutputFixture output = OutputFixture.start(TestRedis.machine(), Map.of());
        WsTestClient socket = output.socket(id);
        output.awaitWaiting(id);
        try (OutputFixture counter = OutputFixture.start(TestRedis.machine(), Map.of())) {
            long started = System.nanoTime();
            output.close();

            // sockets are drained before the server stops: a clear error frame, then a proper going-away close
            assertThat(socket.nextJson().path("error").asText(), is("The output service is shutting down; "
                    + "reconnect with the same task id to receive the result."));
            assertThat(socket.nextClose().code(), is(1001));
            assertThat((System.nanoTime() - started) / 1_000_000, lessThan(3000L));
            OutputFixture.eventually(() -> counter.subscribers("task_response:" + id) == 0);
        }
    }
}
