package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
        Map<String, String> environment = new LinkedHashMap<>();
        // text turns: the reply is not spoken (the voice path has its own benchmark, VoiceBench)
        environment.put("SYNC_TTS_STREAMING", System.getProperty("bench.speech", "false"));
        // more variables for the system, e.g. -Dbench.env=ENABLE_LTM_INLINE=false,ENABLE_ASYNC_EXT=false
        environment.putAll(SystemProcess.variables(System.getProperty("bench.env", "")));
        try (FakeOpenAi llm = FakeOpenAi.start().defaultReply(FakeOpenAi.Reply.benchmark());
             SystemProcess system = SystemProcess.start(llm.baseUrl(), environment)) {
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
        Latencies overheads = Latencies.of(overhead);
        Latencies fulls = Latencies.of(full);
        System.out.printf("%7d  %5d  %6d  %7.1f  %12.2f  %5.2f  %5.2f        %7.2f / %7.2f  %8.2f%n",
                clients, result.turns().size(), result.errors(), result.turns().size() / result.seconds(),
                overheads.percentile(50), overheads.percentile(95), overheads.percentile(99), fulls.percentile(50),
                fulls.percentile(99), cpuPerTurn);
    }

    private record Result(List<FrontEnd.Turn> turns, int errors, double seconds) {
    }
}
