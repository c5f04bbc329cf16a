package dev.freeagent.vtuber.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;

/**
 * The system under test of a benchmark, as a child JVM started the way the README starts it
 * ({@code java -jar launcher/target/vtuber-launcher.jar}): every service on a free port, a data folder of its own
 * and a Redis of its own (the launcher embeds one on a free port), both gone after {@link #close()}.
 *
 * <p>System properties: {@code bench.jar} (the packaged launcher), {@code bench.jvm-args} (the child's JVM
 * options, space-separated). Not thread-safe; close it.
 */
final class SystemProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final int gatewayPort;
    private final int dialogPort;
    private final long startMillis;
    private final TempFolder dataDir;

    private SystemProcess(Process process, int gatewayPort, int dialogPort, long startMillis, TempFolder dataDir) {
        this.process = process;
        this.gatewayPort = gatewayPort;
        this.dialogPort = dialogPort;
        this.startMillis = startMillis;
        this.dataDir = dataDir;
    }

    /**
     * Starts the system and waits until the gateway answers {@code /health}.
     *
     * @param llmBaseUrl the (fake) LLM, as OPENAI_BASE_URL
     * @param environment more variables for the system (they win over the benchmark's own)
     * @return the healthy system
     * @throws IllegalStateException when it exits or is not healthy within 60 s (with its log)
     */
    static SystemProcess start(String llmBaseUrl, Map<String, String> environment) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "launcher/target/vtuber-launcher.jar")).toAbsolutePath();
        TempFolder dataDir = TempFolder.create("vtuber-bench");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("bench.jvm-args", "-XX:+UseSerialGC").split(" ")));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dataDir.path().resolve("system.log").toFile())
                .redirectErrorStream(true);
        int gateway = EmbeddedRedis.freePort();
        int dialog = EmbeddedRedis.freePort();
        Map<String, String> env = builder.environment();
        env.put("GATEWAY_PORT", String.valueOf(gateway));
        env.put("INPUT_PORT", String.valueOf(EmbeddedRedis.freePort()));
        env.put("OUTPUT_PORT", String.valueOf(EmbeddedRedis.freePort()));
        env.put("PORT", String.valueOf(dialog));
        env.put("LTM_PORT", String.valueOf(EmbeddedRedis.freePort()));
        env.put("WORKERS_PORT", String.valueOf(EmbeddedRedis.freePort()));
        env.put("VTUBER_DATA_DIR", dataDir.path().toString());
        env.put("OPENAI_BASE_URL", llmBaseUrl);
        // a Redis of the benchmark's own (the launcher embeds one on a free port): nothing is left behind
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", String.valueOf(EmbeddedRedis.freePort()));
        env.putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            awaitHealthy(process, gateway, dataDir.path());
        } catch (Exception | Error e) {
            process.destroyForcibly().waitFor();
            dataDir.close();
            throw e;
        }
        return new SystemProcess(process, gateway, dialog, (System.nanoTime() - start) / 1_000_000, dataDir);
    }

    /**
     * Parses {@code NAME=value,NAME2=value2} (the form of {@code -Dbench.env}); blank or malformed pairs are skipped.
     *
     * @param pairs the text
     * @return the variables, in order
     */
    static Map<String, String> variables(String pairs) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                variables.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return variables;
    }

    private static void awaitHealthy(Process process, int port, Path dataDir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the system exited:\n" + Files.readString(dataDir.resolve("system.log")));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: the poll below is the wait for the event
            }
            try {
                process.onExit().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still starting: poll again
            }
        }
        throw new IllegalStateException("the system did not become healthy within " + START_LIMIT.toSeconds()
                + " s:\n" + Files.readString(dataDir.resolve("system.log")));
    }

    /**
     * The gateway for WebSockets.
     *
     * @return e.g. {@code ws://127.0.0.1:40123}
     */
    String gatewayWs() {
        return "ws://127.0.0.1:" + gatewayPort;
    }

    /**
     * The gateway for HTTP ({@code /control/stop}).
     *
     * @return e.g. {@code http://127.0.0.1:40123}
     */
    String gatewayHttp() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /**
     * The dialog service's HTTP API ({@code /tts/mock}), which the gateway does not proxy.
     *
     * @return e.g. {@code http://127.0.0.1:40124}
     */
    String dialogHttp() {
        return "http://127.0.0.1:" + dialogPort;
    }

    long startMillis() {
        return startMillis;
    }

    /** User + system CPU time the system process has used so far (Linux clock ticks are 10 ms). */
    double cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Stops the system (as Ctrl-C does) and deletes its data folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        dataDir.close();
    }
}
