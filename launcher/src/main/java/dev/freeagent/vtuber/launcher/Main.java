package dev.freeagent.vtuber.launcher;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.helidon.logging.common.LogConfig;

/**
 * Runs the whole system in this JVM until Ctrl-C, and prints where to connect.
 */
public final class Main {
    private Main() {
    }

    /**
     * Starts the system.
     *
     * @param args ignored; configure with the environment variables listed in the README
     */
    public static void main(String[] args) throws InterruptedException {
        LogConfig.configureRuntime();
        LocalSystem system = LocalSystem.start(Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Free Agent VTuber...");
            system.close();
            stopped.countDown();
        }, "vtuber-shutdown"));
        System.out.println(Banner.of(system));
        stopped.await();
    }
}
