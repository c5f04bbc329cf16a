package dev.freeagent.vtuber.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;

import io.grpc.ManagedChannel;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The one-JVM system as an operator sees it: every service healthy, internal gRPC services listed by
 * reflection (what {@code buf curl --list-services} and {@code grpcurl list} use), and a clean stop.
 */
class SystemIT {
    @TempDir
    Path dataDir;

    @Test
    void everyServiceIsHealthyListsItsGrpcServicesAndStopsCleanly() throws Exception {
        int gatewayPort;
        FakeOpenAi llm = FakeOpenAi.start();
        Map<String, String> overrides = TestSystem.overrides(dataDir, llm.baseUrl());
        try (llm; LocalSystem system = LocalSystem.start(overrides)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String name : List.of("gateway", "input", "dialog", "output", "workers", "ltm")) {
                String base = system.service(name).url("http");
                assertThat(name + " /health", get(http, base + "/health"), is(200));
                assertThat(name + " readiness", get(http, base + "/observe/health/ready"), is(200));
                assertThat(name + " metrics", get(http, base + "/observe/metrics"), is(200));
            }
            assertThat(grpcServices(system.service("dialog").url("http")), hasItem("vtuber.dialog.v1.DialogService"));
            assertThat(grpcServices(system.service("output").url("http")), hasItem("vtuber.output.v1.OutputControl"));
            assertThat(grpcServices(system.service("ltm").url("http")), hasItem("grpc.health.v1.Health"));
            gatewayPort = system.service("gateway").port();
        } finally {
            TestSystem.forget(overrides);
        }
        assertThat("gateway port released after close", EmbeddedRedis.listening("127.0.0.1", gatewayPort), is(false));
    }

    private static int get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> grpcServices(String url) throws InterruptedException {
        ManagedChannel channel = GrpcChannels.open(url);
        try {
            LinkedBlockingQueue<ServerReflectionResponse> responses = new LinkedBlockingQueue<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                    .serverReflectionInfo(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse value) {
                            responses.add(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            responses.add(ServerReflectionResponse.getDefaultInstance());
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
            ServerReflectionResponse response = responses.poll(5, TimeUnit.SECONDS);
            requests.onCompleted();
            List<String> names = new ArrayList<>();
            response.getListServicesResponse().getServiceList().forEach(s -> names.add(s.getName()));
            return names;
        } finally {
            channel.shutdownNow();
        }
    }
}
