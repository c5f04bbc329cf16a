package dev.freeagent.vtuber.gateway.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service's readiness endpoint whether it is ready, through one HTTP client shared by every check (a client
 * per call costs a connection pool and threads each time). Thread-safe; whoever creates it closes it.
 */
public final class ReadinessClient implements AutoCloseable {
    private final HttpClient http;
    private final Duration timeout;

    /**
     * Creates the client.
     *
     * @param timeout the longest wait for one answer, connecting included
     */
    public ReadinessClient(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade dance for a one-line GET
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Asks once.
     *
     * @param readiness the service's readiness endpoint
     * @return true when it answered 2xx within the timeout
     * @throws InterruptedException when the calling thread is interrupted (the request is then abandoned)
     */
    public boolean isReady(URI readiness) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(timeout).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException e) {
            // refused, reset or too slow: as far as the gateway can tell, the service is down
            return false;
        }
    }

    /**
     * Drops the client's connections at once; a check still running ends as down.
     */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
