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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.testing.FakeOpenAi;

/**
 * The text-turn benchmark: starts the packaged system as its own process (the command the README gives),
 * points it at a fake LLM with fixed timing (50 ms to the first token, then 20 tokens 5 ms apart: 150 ms),
 * drives text turns through the gateway exactly as the original front end does, and prints per
 * concurrency level the percentiles of the overhead (turn latency minus the LLM's 150 ms) and turns/s,
 * plus the system's resident memory idle and after load.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package && ./mvnw -q -pl launcher exec:exec@bench}.
 */
public final class Bench {
    private static final double LLM_MS = 150.0;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int[] levels = Arrays.stream(System.getProperty("bench.levels", "1,10,50,100").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int turnsPerClient = Integer.getInteger("bench.turns-per-client", 20);
        Path jar = Path.of(System.getProperty("bench.jar", "launcher/target/vtuber-launcher.jar")).toAbsolutePath();
        try (FakeOpenAi llm = FakeOpenAi.start().defaultReply(FakeOpenAi.Reply.benchmark());
             SystemProcess system = SystemProcess.start(jar, llm.baseUrl())) {
            System.out.printf("system started in %d ms; idle RSS %.1f MiB (after warm-up %.1f MiB)%n",
                    system.startMillis(), system.rssMiB(), warmUp(system));
            System.out.println("clients  turns  errors  turns/s  overhead p50    p95    p99   (ms)  "
                    + "full turn p50/p99  system CPU ms/turn");
            for (int clients : levels) {
                double cpuBefore = system.cpuMillis();
                Result result = run(system.gatewayWs(), clients, turnsPerClient);
                report(clients, result, (system.cpuMillis() - cpuBefore) / Math.max(1, result.turns().size()));
            }
            System.out.printf("RSS after load %.1f MiB%n", system.rssMiB());
        }
    }

    private static double warmUp(SystemProcess system) throws Exception {
        // enough turns for the JIT to compile the hot paths before anything is measured
        run(system.gatewayWs(), 10, Integer.getInteger("bench.warm-up-turns", 60));
        return system.rssMiB();
    }

    private static Result run(String gateway, int clients, int turnsPerClient) throws InterruptedException {
        ConcurrentLinkedQueue<FrontEnd.Turn> turns = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newHttpClient();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    FrontEnd browser = FrontEnd.withVisitorCookie(http, gateway);
                    for (int i = 0; i < turnsPerClient; i++) {
                        try {
                            FrontEnd.Turn turn = browser.say("benchmark turn " + i);
                            if ("success".equals(turn.result().path("status").asText())) {
                                turns.add(turn);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception | AssertionError e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(new ArrayList<>(turns), errors.get(), seconds);
    }

    private static void report(int clients, Result result, double cpuPerTurn) {
        List<Double> overhead = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        result.turns().forEach(t -> {
            overhead.add(t.uploadToResultMs() - LLM_MS);
            full.add(t.totalMs() - LLM_MS);
        });
        Collections.sort(overhead);
        Collections.sort(full);
        System.out.printf("%7d  %5d  %6d  %7.1f  %12.2f  %5.2f  %5.2f        %7.2f / %7.2f  %8.2f%n",
                clients, result.turns().size(), result.errors(), result.turns().size() / result.seconds(),
                pct(overhead, 50), pct(overhead, 95), pct(overhead, 99), pct(full, 50), pct(full, 99), cpuPerTurn);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private record Result(List<FrontEnd.Turn> turns, int errors, double seconds) {
    }

    /** The system under test, as a child JVM started the way the README starts it. */
    private static final class SystemProcess implements AutoCloseable {
        private final Process process;
        private final int gatewayPort;
        private final long startMillis;
        private final Path dataDir;

        private SystemProcess(Process process, int gatewayPort, long startMillis, Path dataDir) {
            this.process = process;
            this.gatewayPort = gatewayPort;
            this.startMillis = startMillis;
            this.dataDir = dataDir;
        }

        static SystemProcess start(Path jar, String llmBaseUrl) throws Exception {
            Path dataDir = Files.createTempDirectory("vtuber-bench");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getProperty("bench.jvm-args", "-XX:+UseSerialGC").split(" ")));
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dataDir.resolve("system.log").toFile())
                    .redirectErrorStream(true);
            int gateway = EmbeddedRedis.freePort();
            Map<String, String> env = builder.environment();
            env.put("GATEWAY_PORT", String.valueOf(gateway));
            env.put("INPUT_PORT", String.valueOf(EmbeddedRedis.freePort()));
            env.put("OUTPUT_PORT", String.valueOf(EmbeddedRedis.freePort()));
            env.put("PORT", String.valueOf(EmbeddedRedis.freePort()));
            env.put("LTM_PORT", String.valueOf(EmbeddedRedis.freePort()));
            env.put("WORKERS_PORT", String.valueOf(EmbeddedRedis.freePort()));
            env.put("VTUBER_DATA_DIR", dataDir.toString());
            env.put("OPENAI_BASE_URL", llmBaseUrl);
            // a Redis of the benchmark's own (the launcher embeds one on a free port): nothing is left behind
            env.put("REDIS_HOST", "127.0.0.1");
            env.put("REDIS_PORT", String.valueOf(EmbeddedRedis.freePort()));
            // text turns: the reply is not spoken (the voice path has its own measurements)
            env.put("SYNC_TTS_STREAMING", System.getProperty("bench.speech", "false"));
            // more variables for the system, e.g. -Dbench.env=ENABLE_LTM_INLINE=false,ENABLE_ASYNC_EXT=false
            for (String pair : System.getProperty("bench.env", "").split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            long start = System.nanoTime();
            Process process = builder.start();
            awaitHealthy(process, gateway, dataDir);
            return new SystemProcess(process, gateway, (System.nanoTime() - start) / 1_000_000, dataDir);
        }

        private static void awaitHealthy(Process process, int port, Path dataDir) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
                    process.onExit().get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still starting: poll again
                }
            }
            throw new IllegalStateException("the system did not become healthy within 60 s");
        }

        String gatewayWs() {
            return "ws://127.0.0.1:" + gatewayPort;
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

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
