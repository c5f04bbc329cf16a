package dev.freeagent.vtuber.ltm.embedding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * Embeds through an OpenAI-compatible {@code POST /embeddings} (OpenAI, Ollama, vLLM, llama.cpp's server):
 * {@code {"model","input":[...]}} in, {@code {"data":[{"index","embedding"}]}} out. Texts are sent in batches of
 * {@code max-batch}; every call is bounded by {@code timeout-seconds}. The model name is the id stored with the
 * vectors. Thread-safe; close it.
 */
public final class OpenAiEmbeddingClient implements TextEmbedder {
    private final EmbeddingSettings settings;
    private final URI endpoint;
    private final ExecutorService executor;
    private final HttpClient http;
    private volatile boolean lastCallSucceeded = true;

    /**
     * Creates the client; nothing is sent until the first text.
     *
     * @param settings endpoint, model and limits
     */
    public OpenAiEmbeddingClient(EmbeddingSettings settings) {
        this.settings = settings;
        this.endpoint = settings.endpoint();
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ltm-embedding-http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public List<Embedding> embed(List<String> texts) {
        List<Embedding> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += settings.maxBatch()) {
            vectors.addAll(call(texts.subList(start, Math.min(texts.size(), start + settings.maxBatch()))));
        }
        return vectors;
    }

    private List<Embedding> call(List<String> batch) {
        try {
            HttpResponse<String> response = http.send(request(batch), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw failure("answered HTTP " + response.statusCode(), null);
            }
            List<Embedding> vectors = parse(response.body(), batch.size());
            lastCallSucceeded = true;
            return vectors;
        } catch (HttpTimeoutException e) {
            throw failure("did not answer within " + settings.timeout().toMillis() / 1000.0 + " s", e);
        } catch (IOException e) {
            throw failure("could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingUnavailableException("Embedding was interrupted.", e);
        }
    }

    private HttpRequest request(List<String> batch) {
        ObjectNode body = Json.object();
        body.put("model", settings.model());
        batch.forEach(body.putArray("input")::add);
        if (settings.dimensions() > 0) {
            body.put("dimensions", settings.dimensions());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private List<Embedding> parse(String body, int expected) {
        JsonNode data;
        try {
            data = Json.parse(body).path("data");
        } catch (Json.InvalidJsonException e) {
            throw failure("answered something that is not JSON", e);
        }
        if (!data.isArray() || data.size() != expected) {
            throw failure("answered " + (data.isArray() ? data.size() : 0) + " vectors for " + expected + " texts", null);
        }
        Embedding[] vectors = new Embedding[expected];
        for (int i = 0; i < expected; i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode values = item.path("embedding");
            if (index < 0 || index >= expected || !values.isArray() || values.isEmpty()) {
                throw failure("answered a malformed vector", null);
            }
            float[] raw = new float[values.size()];
            for (int d = 0; d < raw.length; d++) {
                raw[d] = (float) values.get(d).asDouble();
            }
            vectors[index] = Embedding.normalized(settings.model(), raw);
        }
        for (Embedding vector : vectors) {
            if (vector == null) {
                throw failure("answered duplicate vector indexes", null);
            }
        }
        return List.of(vectors);
    }

    private EmbeddingUnavailableException failure(String what, Throwable cause) {
        lastCallSucceeded = false;
        return new EmbeddingUnavailableException("The embedding model " + settings.model() + " at "
                + endpoint.getAuthority() + " " + what + ".", cause);
    }

    @Override
    public boolean available() {
        return lastCallSucceeded;
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
