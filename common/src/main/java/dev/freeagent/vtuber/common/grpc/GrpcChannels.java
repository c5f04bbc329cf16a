package dev.freeagent.vtuber.common.grpc;

import java.net.URI;
import java.util.concurrent.Executors;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

/**
 * Channels to our own services. Each service serves gRPC on its HTTP port (h2c), so a service URL
 * such as {@code http://dialog:8100} or {@code ws://output:8002} names its gRPC target too.
 */
public final class GrpcChannels {
    private GrpcChannels() {
    }

    /**
     * Opens a plaintext channel; calls are executed on virtual threads. The caller shuts it down.
     *
     * @param serviceUrl the service's base URL (http, https, ws or wss; the path is ignored)
     * @return the channel
     */
    public static ManagedChannel open(String serviceUrl) {
        URI uri = URI.create(serviceUrl.trim());
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(uri.getScheme());
        return Grpc.newChannelBuilderForAddress(uri.getHost(), port, InsecureChannelCredentials.create())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) || "wss".equals(scheme) ? 443 : 80;
    }
}
